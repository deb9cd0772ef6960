package dev.cidoctor.analysis;

import java.util.Map;

/** A rule whose pattern matched a line, with the named captures of the match. */
record RuleHit(Rule rule, Map<String, String> captures) {}
