package dev.cidoctor.ci.github;

import java.time.Duration;

/** Waits; tests pass one that records the waits instead of sleeping through a 60 s back-off. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
