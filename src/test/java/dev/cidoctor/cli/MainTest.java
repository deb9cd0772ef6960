package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line registers only the subcommand an invocation names; help and typos see them all. */
class MainTest {
  private static final String[] ALL = {"analyze", "monitor", "serve", "eval", "rules", "bench", "patterns", "notify", "help"};

  @Test
  void commandLine_namedCommand_registersOnlyThatOne() {
    assertThat(Main.commandLine(new String[] {"analyze", "x.log", "--format", "json"}).getSubcommands()).containsOnlyKeys("analyze");
    assertThat(Main.commandLine(new String[] {"rules", "show", "python.pytest.failed-test"}).getSubcommands()).containsOnlyKeys("rules");
  }

  @Test
  void commandLine_helpNoCommandOrATypo_registersEveryCommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "analyze"}, {"anlyze", "x.log"}, {"-V"}}) {
      assertThat(Main.commandLine(args).getSubcommands()).as(String.join(" ", args)).containsOnlyKeys(ALL);
    }
  }

  @Test
  void run_helpListsEveryCommand_andANamedCommandsHelpWorks() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(err), false)).isZero();
    assertThat(out.toString()).contains("analyze", "monitor", "patterns", "notify", "bench");
    StringWriter out2 = new StringWriter();
    assertThat(Main.run(new String[] {"analyze", "--help"}, new PrintWriter(out2), new PrintWriter(err), false)).isZero();
    assertThat(out2.toString()).contains("Usage: cidoctor analyze");
  }
}
