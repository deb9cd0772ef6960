package dev.cidoctor.notify;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routing file, parsed and validated: when to notify ({@link Policy}), which channels get which
 * failures ({@link Route}), which failures are muted ({@link Mute}) and whom to mention per channel.
 * {@link RoutingLoader} documents the YAML grammar; {@link Router} applies it.
 *
 * @param mentions GitHub login -> channel name -> that channel's user id
 */
public record Routing(Policy policy, List<Route> routes, List<Mute> mutes, Map<String, Map<String, String>> mentions) {

  public Routing {
    routes = List.copyOf(routes);
    mutes = List.copyOf(mutes);
    mentions = Map.copyOf(mentions);
  }

  /** No file: notify every configured channel on the first failure of a pattern on a branch and on recovery. */
  public static Routing defaults() {
    return new Routing(new Policy(false, true), List.of(), List.of(), Map.of());
  }

  /** When to notify: {@code every} repeat or only the first, and whether recoveries are sent. */
  public record Policy(boolean everyFailure, boolean recovery) {}

  /**
   * Sends matching failures to {@code channels}. A null criterion matches anything; globs use {@code *}.
   * Category and severity (at least {@code minSeverity}) apply to failures only: a recovery goes where
   * a failure of the same repo, branch and workflow would go.
   */
  public record Route(List<Pattern> repos, List<Pattern> branches, List<Pattern> workflows, Set<Category> categories,
      Severity minSeverity, List<String> channels) {}

  /**
   * Mutes failures that match every given criterion: a rule id, a fingerprint, or a regex found in the
   * summary or the evidence; optionally only for {@code repo} and until {@code expires}.
   */
  public record Mute(String ruleId, String fingerprint, Pattern regex, Pattern repo, Instant expires, String reason) {}
}
