/**
 * Measures the analyzer on labelled datasets laid out like ../shared/corpus: per dataset top1, hit,
 * precision, recall, F1, category accuracy, failed-test recall and evidence size, next to the two
 * naive baselines. Depends on {@code analysis}, {@code logs} and {@code model}.
 */
package dev.cidoctor.eval;
