/**
 * The command line: one small class per command, exit codes, and the one handler that turns every
 * failure into a sentence and an exit code. The composition root: it may depend on every package.
 */
package dev.cidoctor.cli;
