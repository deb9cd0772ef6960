package dev.cidoctor.cli;

/** The process exit codes, documented in {@code --help}. */
final class ExitCode {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;
  static final int INPUT = 3;
  static final int CONFIG = 5;
  static final int CI = 6;
  static final int STORE = 7;
  static final int DELIVERY = 8;

  static final String HELP = """
      Exit codes:
        0  diagnosed (or, for eval and rules, completed)
        1  internal error (a bug: please report it with the command line)
        2  usage error (unknown option, missing argument)
        3  unreadable input (missing path, directory, empty, binary, corrupt or oversized zip)
        4  environment problem, from the ./cidoctor launcher (no JDK 21+, or the build failed)
        5  invalid configuration or rule file
        6  GitHub refused or could not be reached (token, repo, run or expired logs)
        7  the pattern store cannot be used (corrupt, read-only, locked or unreachable database)
        8  a notification could not be delivered (the service refused it or could not be reached)""";

  private ExitCode() {}
}
