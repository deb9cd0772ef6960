/**
 * The GitHub Actions adapter of the CI port: a thin java.net.http client of GitHub's REST API and the
 * webhook verifier and parser. Depends on the ci port and model only.
 */
package dev.cidoctor.ci.github;
