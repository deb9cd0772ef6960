/**
 * The GitHub Actions adapter of the CI port: a thin java.net.http client for the REST API (runs, jobs,
 * logs, contents, compare, re-runs, rate limit) that is polite with ETags and rate limits, and the
 * parsing and signature check of GitHub webhooks. Depends only on {@code ci} and {@code model}; its
 * JSON records are package-private and mapped to model records in {@code GitHubMapping}.
 */
package dev.cidoctor.ci.github;
