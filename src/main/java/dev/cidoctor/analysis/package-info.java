/**
 * The deterministic diagnosis engine: rules as data (YAML), a literal prefilter, regex matching with
 * a budget per line, step segmentation, candidate scoring, root-cause selection and fingerprints.
 * Analysis is a pure function of the log and the rules. Depends on {@code model} and {@code logs}.
 */
package dev.cidoctor.analysis;
