/**
 * The imperative shell: poll and webhook intake, then fetch, analyze, record and tell. It wires the
 * CI port, the engine and the pattern store together; only the command line and the public Java API
 * sit above it.
 */
package dev.cidoctor.monitor;
