package dev.cidoctor.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTest {
  @Test
  void dollars_datedSnapshot_isPricedByItsLongestPrefix() {
    Pricing p = Pricing.load(null);
    assertThat(p.price("gpt-4o-mini-2024-07-18")).isEqualTo(new Pricing.Price(0.15, 0.60));
    assertThat(p.dollars("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000)).isEqualTo(0.75);
  }

  @Test
  void dollars_unknownModel_costsNothing() {
    assertThat(Pricing.load(null).dollars("llama3.1", 5000, 500)).isZero();
  }

  @Test
  void load_overrideFile_replacesAndAddsEntries(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("prices.properties"), "gpt-4o-mini=0.30,1.20\nmy-vllm-model=0.01,0.02\n");
    Pricing p = Pricing.load(f);
    assertThat(p.price("gpt-4o-mini")).isEqualTo(new Pricing.Price(0.30, 1.20));
    assertThat(p.price("my-vllm-model")).isEqualTo(new Pricing.Price(0.01, 0.02));
    assertThat(p.price("gpt-4o")).isEqualTo(new Pricing.Price(2.50, 10.00));
  }

  @Test
  void load_badOverride_namesTheFileAndTheEntry(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("p.properties"), "gpt-4o=cheap\n");
    assertThatThrownBy(() -> Pricing.load(f))
        .hasMessage(f + ": the price of gpt-4o is 'cheap'; expected input,output dollars per million tokens, e.g. 0.15,0.60.");
  }
}
