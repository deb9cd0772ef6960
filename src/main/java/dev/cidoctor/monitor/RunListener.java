package dev.cidoctor.monitor;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.model.RunAnalysis;

/** Hears what the monitor did, one completed run attempt at a time; the printer and notifiers listen. */
public interface RunListener {
  /** A run attempt was analyzed and recorded; {@code analysis.jobs()} is empty for ignored runs. */
  void processed(RunAnalysis analysis);

  /** A run attempt could not be processed now; it is retried on a later cycle. */
  default void failed(String repo, String what, RuntimeException e) {}

  /** A poll cycle ended. */
  default void cycleEnded(Monitor.Cycle cycle) {}

  /** A repo could not be listed this cycle; the others go on. */
  default void repoSkipped(String repo, CiException e) {}
}
