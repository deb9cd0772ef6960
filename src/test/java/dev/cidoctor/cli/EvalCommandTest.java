package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  /** A one-log dataset whose log the seed rule python.assert.http-status explains. */
  private static Path dataset(Path dir) throws IOException {
    Path ds = dir.resolve("mini");
    Files.createDirectories(ds.resolve("logs"));
    Files.copy(Path.of(AnalyzeCommandTest.HTTP_STATUS), ds.resolve("logs/one.log"));
    Files.writeString(ds.resolve("labels.jsonl"),
        "{\"id\": \"one\", \"project\": \"octo/one\", \"log_file\": \"logs/one.log\", \"match_line\": 1}\n");
    return ds;
  }

  @Test
  void eval_noBuiltinRules_measuresTheGenericEngineOrOnlyTheGivenRules(@TempDir Path dir) throws IOException {
    Path ds = dataset(dir);
    Path with = dir.resolve("with.jsonl");
    Path without = dir.resolve("without.jsonl");
    Path userOnly = dir.resolve("user.jsonl");

    assertThat(Cli.run("eval", ds.toString(), "--details", with.toString()).exitCode()).isZero();
    assertThat(Cli.run("eval", ds.toString(), "--no-builtin-rules", "--details", without.toString()).exitCode()).isZero();
    assertThat(Cli.run("eval", ds.toString(), "--no-builtin-rules", "--rules", "src/test/resources/user-rules/good-rule.yaml",
        "--details", userOnly.toString()).exitCode()).isZero();

    assertThat(Files.readString(with)).contains("\"ruleId\":\"python.assert.http-status\"");
    assertThat(Files.readString(without)).contains("\"ruleId\":null");
    assertThat(Files.readString(userOnly)).contains("\"ruleId\":\"demo.http-status\"");
  }
}
