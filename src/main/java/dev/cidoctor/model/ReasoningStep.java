package dev.cidoctor.model;

/** One step of the reasoning trace: what the engine set out to do, what it did, and what it saw. */
public record ReasoningStep(String thought, String action, String observation) {}
