package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tools that run other tools indent their output; the inner tool's error is still the root cause. */
class NestedToolOutputTest {
  private static final Analyzer ANALYZER = new Analyzer(RuleLoader.load(List.of()));

  @Test
  void analyze_compilerErrorIndentedByPip_isTheCompilerError() throws IOException {
    String log = String.join("\n",
        "##[group]Run pip install -e .",
        "pip install -e .",
        "##[endgroup]",
        "  [12/163] Compiling C++ object pandas/_libs/simd/moments_inst_neon.cpp.o",
        "  FAILED: [code=1] pandas/_libs/simd/moments_inst_neon.cpp.o",
        "  ../../pandas/_libs/include/pandas/simd/moments_simd.hpp:255:50: error: explicit instantiation of 'operator()' does not refer to a function template",
        "  1 error generated.",
        "  ninja: build stopped: subcommand failed.",
        "  error: subprocess-exited-with-error",
        "##[error]Process completed with exit code 1.");
    Diagnosis d = ANALYZER.analyze("pip.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    assertThat(d.ruleId()).isEqualTo("native.compiler.error");
    assertThat(d.primary().line()).isEqualTo(6);
    assertThat(d.category().wireName()).isEqualTo("compilation_error");
  }
}
