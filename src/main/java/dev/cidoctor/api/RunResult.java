package dev.cidoctor.api;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.RunAnalysis;

/**
 * The answer of {@link CicdMonitor#analyzeWorkflowRun}: the root cause and fix of the leading failure
 * (null for a run that did not fail), what the analysis cost in dollars, and the whole analysis.
 */
public record RunResult(String rootCause, String suggestion, double cost, Diagnosis diagnosis, RunAnalysis analysis) {}
