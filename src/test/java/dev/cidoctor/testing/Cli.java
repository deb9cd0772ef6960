package dev.cidoctor.testing;

import dev.cidoctor.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process, as a user would type it, and captures what it prints. */
public final class Cli {
  /** What one command line printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private Cli() {}

  /** Runs {@code args} without a terminal (so no colour). */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), false);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs {@code args} with {@code env} as the whole environment. */
  public static Result runWithEnv(java.util.Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), false, env);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs {@code args} with {@code stdin} as standard input; restores the real one afterwards. */
  public static synchronized Result runWithStdin(byte[] stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** Runs {@code args} with {@code stdin} as standard input and {@code env} as the whole environment. */
  public static synchronized Result runWithStdinAndEnv(byte[] stdin, java.util.Map<String, String> env, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return runWithEnv(env, args);
    } finally {
      System.setIn(saved);
    }
  }

  /** The bytes of {@code text} in UTF-8. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
