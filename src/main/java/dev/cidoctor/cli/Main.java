package dev.cidoctor.cli;

import dev.cidoctor.analysis.RuleLoadException;
import dev.cidoctor.ci.CiException;
import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.logs.LogInputException;
import dev.cidoctor.notify.NotifyException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code cidoctor analyze|monitor|serve|patterns|notify|eval|rules|bench}. */
@Command(name = "cidoctor", mixinStandardHelpOptions = true, version = "cidoctor 0.1.0",
    description = "Explains why a CI build failed and how to fix it, offline.",
    footer = {"", ExitCode.HELP})
public final class Main implements Runnable {
  static final String VERSION = "0.1.0";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'cidoctor analyze LOG'.");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(args, out, err, isTerminal() && System.getenv("NO_COLOR") == null);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Says whether standard output is a terminal. Since JDK 22 {@code System.console()} is non-null
   * even when output is redirected, and only {@code Console.isTerminal()} (absent from the Java 21
   * API this is compiled against) tells; it is looked up reflectively.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  /** The environment the commands read; tests run the command line with their own. */
  private static volatile Map<String, String> environment = System.getenv();

  static Map<String, String> environment() {
    return environment;
  }

  /** Reads the configuration: {@code .env} in the working folder, then the environment. */
  static Config config() {
    return Config.load(Path.of("."), environment);
  }

  /** Runs a command line with {@code env} as its environment; for tests. */
  public static synchronized int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> env) {
    Map<String, String> saved = environment;
    environment = Map.copyOf(env);
    try {
      return run(args, out, err, terminal);
    } finally {
      environment = saved;
    }
  }

  /** The subcommands in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("analyze", AnalyzeCommand::new);
    COMMANDS.put("monitor", MonitorCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("eval", EvalCommand::new);
    COMMANDS.put("rules", RulesCommand::new);
    COMMANDS.put("bench", BenchCommand::new);
    COMMANDS.put("patterns", PatternsCommand::new);
    COMMANDS.put("notify", NotifyCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /**
   * The command line for {@code args}: with only the subcommand they name, when they name one (picocli
   * reads every registered command's annotations up front, ~30 ms of a 0.3 s analysis for the seven
   * that will not run), else with all of them, for help and for "did you mean" on a typo.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    String named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        named = a;
        break;
      }
    }
    boolean one = named != null && COMMANDS.containsKey(named) && !named.equals("help");
    for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
      if (!one || c.getKey().equals(named)) {
        cl.addSubcommand(c.getKey(), c.getValue().get());
      }
    }
    return cl;
  }

  /** Runs a command line with the given streams and returns the exit code; never throws. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setUsageHelpWidth(100); // on every subcommand too: at 80 columns the exit-code footer wrapped
    for (CommandLine sub : cl.getSubcommands().values()) {
      Object cmd = sub.getCommand();
      if (cmd instanceof AnalyzeCommand a) {
        a.terminal = terminal;
      }
    }
    cl.setExitCodeExceptionMapper(Main::exitCode);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("cidoctor: " + ex.getMessage());
      err.println("Try 'cidoctor " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      return ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      err.println("cidoctor: " + sentence(ex));
      return exitCode(ex);
    });
    int code = cl.execute(args);
    out.flush();
    return code;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof LogInputException) {
      return ExitCode.INPUT;
    }
    if (ex instanceof RuleLoadException || ex instanceof ConfigException) {
      return ExitCode.CONFIG;
    }
    if (ex instanceof CiException) {
      return ExitCode.CI;
    }
    if (ex instanceof CommandLine.ParameterException || ex instanceof UsageException) {
      return ExitCode.USAGE;
    }
    if (ex instanceof dev.cidoctor.store.StoreException) {
      return ExitCode.STORE;
    }
    if (ex instanceof NotifyException n) {
      return n.reason() == NotifyException.Reason.CONFIG ? ExitCode.CONFIG : ExitCode.DELIVERY;
    }
    return ExitCode.INTERNAL;
  }

  static String sentence(Throwable ex) {
    if (ex instanceof LogInputException || ex instanceof ConfigException || ex instanceof UsageException
        || ex instanceof CiException || ex instanceof dev.cidoctor.store.StoreException || ex instanceof NotifyException) {
      return ex.getMessage();
    }
    if (ex instanceof RuleLoadException r) {
      StringBuilder sb = new StringBuilder("The rules have " + r.problems().size() + " problem"
          + (r.problems().size() == 1 ? "" : "s") + ":");
      for (String p : r.problems()) {
        sb.append("\n  ").append(p);
      }
      return sb.toString();
    }
    if (ex instanceof UncheckedIOException u) {
      return "Cannot read input: " + u.getCause().getMessage() + ".";
    }
    if (ex instanceof OutOfMemoryError) {
      return "Ran out of memory; this is a bug for a streaming analyzer, please report it with the input size.";
    }
    return "Internal error (" + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + "); please report it with the command line.";
  }
}
