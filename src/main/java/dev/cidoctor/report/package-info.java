/**
 * Renders diagnoses for people and programs: terminal text (colour only on a terminal), JSON
 * ({@code cidoctor.diagnosis/v1}), JSON Lines and Markdown. Depends on {@code model} and Jackson;
 * its {@code JsonWriter} also serves {@code cli}.
 */
package dev.cidoctor.report;
