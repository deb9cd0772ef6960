package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinePatternTest {
  @Test
  void readFromRulesBin_compilesOnFirstUse_withTheStoredFlags() {
    LinePattern p = new LinePattern("^FAILED (?<test>\\S+)", Pattern.CASE_INSENSITIVE, null, "FAILED ", true, null);
    assertThat(p.source()).isEqualTo("^FAILED (?<test>\\S+)");
    assertThat(p.flags()).isEqualTo(Pattern.CASE_INSENSITIVE);
    Pattern compiled = p.pattern();
    assertThat(compiled.flags()).isEqualTo(Pattern.CASE_INSENSITIVE);
    assertThat(p.find(compiled.matcher("failed a.b::c"))).isTrue();
    assertThat(p.find(compiled.matcher("x FAILED a"))).as("anchored: lookingAt").isFalse();
    assertThat(p.pattern()).isSameAs(compiled);
  }

  @Test
  void firstUseFromManyThreads_givesEveryThreadTheSamePattern() throws InterruptedException {
    for (int round = 0; round < 50; round++) {
      LinePattern p = new LinePattern("(?<a>x+)y" + round, 0, null, "", false, null);
      Set<Pattern> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Pattern q = p.pattern();
          assertThat(q.matcher("xxy" + p.source().substring(9)).find()).isTrue();
          seen.add(q);
        });
        th.start();
        threads.add(th);
      }
      start.countDown();
      for (Thread th : threads) {
        th.join();
      }
      assertThat(seen).hasSize(1);
    }
  }
}
