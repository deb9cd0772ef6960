package dev.cidoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as people and shell pipelines read them. */
class JsonWriterTest {
  private static String write(double d) {
    return new JsonWriter(false).beginArray().value(d).endArray().toString();
  }

  @Test
  void value_subMilliDouble_isPlainDecimalNotScientific() {
    assertThat(write(3.72E-4)).isEqualTo("[0.000372]");
    assertThat(write(1.5E-7)).isEqualTo("[0.00000015]");
  }

  @Test
  void value_ordinaryDoubles_keepTheirShortestDigits() {
    assertThat(write(0.85)).isEqualTo("[0.85]");
    assertThat(write(2.0)).isEqualTo("[2.0]");
    assertThat(write(-0.0005)).isEqualTo("[-0.0005]");
    assertThat(write(1.0E20)).isEqualTo("[100000000000000000000]");
    assertThat(write(Double.NaN)).isEqualTo("[null]");
  }
}
