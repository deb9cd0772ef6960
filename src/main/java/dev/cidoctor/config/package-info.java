/**
 * One immutable configuration: defaults, then {@code .env}, then the environment, then flags. Knows
 * the brief's keys (GITHUB_TOKEN ... LOG_FILE) and validates values with exact messages. Depends on
 * the JDK only.
 */
package dev.cidoctor.config;
