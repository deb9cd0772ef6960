package dev.cidoctor.cli;

import dev.cidoctor.config.Config;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.StatsQuery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cidoctor patterns --stats | --pattern NAME}: what the pattern store learned from past failures. */
@Command(name = "patterns", mixinStandardHelpOptions = true,
    description = {"Shows what the pattern store learned: top failure patterns, categories, failure rate per workflow,",
        "flaky jobs, mean time to recovery, trends and LLM spend (--stats, the default), or one pattern's history (--pattern)."},
    footer = {"", ExitCode.HELP})
final class PatternsCommand implements Callable<Integer> {
  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,5})([hdw])");

  @Spec CommandSpec spec;

  @Option(names = "--stats", description = "Statistics over the window (the default).")
  boolean stats;

  @Option(names = "--pattern", paramLabel = "NAME|ID", description = "One pattern, by name (e.g. a rule id) or fingerprint (or its prefix).")
  String pattern;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Only this repository ('local' for analyzed files).")
  String repo;

  @Option(names = "--since", paramLabel = "WHEN", defaultValue = "30d",
      description = "Start of the window: 24h, 7d, 4w or a date (2026-11-01); default ${DEFAULT-VALUE}.")
  String since;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Rows per table; default ${DEFAULT-VALUE}.")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  Format format = Format.text;

  @Option(names = "--db", paramLabel = "FILE", description = "Pattern store file (default: DATABASE_URL, else PATTERN_DB_PATH or ./data/patterns.db).")
  Path db;

  Instant now = Instant.now();

  @Override
  public Integer call() {
    if (format != Format.text && format != Format.json) {
      throw new UsageException("--format must be text or json for patterns, not " + format + ".");
    }
    if (stats && pattern != null) {
      throw new UsageException("Choose one of --stats and --pattern.");
    }
    if (limit < 1 || limit > 1000) {
      throw new UsageException("--limit must be within 1..1000, not " + limit + ".");
    }
    StatsQuery query = new StatsQuery(repo, since(since, now), now, limit);
    Config config = Main.config();
    PrintWriter out = spec.commandLine().getOut();
    try (LearningStore store = AnalyzeHistory.open(config, db)) {
      if (pattern == null) {
        var s = store.stats(query);
        out.print(format == Format.json ? PatternsJson.stats(s) + "\n" : new PatternsText().stats(s));
        return ExitCode.OK;
      }
      Optional<PatternDetail> detail = store.pattern(pattern, query);
      if (detail.isEmpty()) {
        spec.commandLine().getErr().println("cidoctor: No pattern is named '" + pattern
            + "' or has a fingerprint starting so; 'cidoctor patterns --stats' lists them.");
        return ExitCode.INPUT;
      }
      out.print(format == Format.json ? PatternsJson.pattern(detail.get()) + "\n" : new PatternsText().pattern(detail.get()));
      return ExitCode.OK;
    }
  }

  /** Parses 24h / 7d / 4w (before {@code now}) or an ISO date (its start, UTC). */
  static Instant since(String text, Instant now) {
    Matcher m = RELATIVE.matcher(text.strip());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
      return now.minus(d);
    }
    try {
      return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("--since takes 24h, 7d, 4w or a date such as 2026-11-01, not '" + text + "'.");
    }
  }
}
