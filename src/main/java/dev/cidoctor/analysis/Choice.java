package dev.cidoctor.analysis;

/** A chosen root cause: the candidate, the rule hit that explains it (or null) and the primary line. */
record Choice(Candidate candidate, RuleHit hit, ContextLine primary) {}
