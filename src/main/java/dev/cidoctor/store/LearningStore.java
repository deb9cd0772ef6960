package dev.cidoctor.store;

/** Gives a pattern store that also answers history questions; what {@code PatternStores.open} returns. */
public interface LearningStore extends PatternStore, FailureHistory {}
