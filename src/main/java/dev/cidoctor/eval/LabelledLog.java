package dev.cidoctor.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One labelled log: where it is, the labelled line numbers (before dropping blank lines), the expected
 * category in the corpus' normalised vocabulary (or null), and the expected failed tests (or empty).
 */
record LabelledLog(String dataset, String id, String project, Path log, Set<Long> labelledLines,
    String category, List<String> failedTests) {}
