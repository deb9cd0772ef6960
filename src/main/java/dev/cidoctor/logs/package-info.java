/**
 * Reads CI logs as a stream of numbered lines: GitHub Actions job logs and run-log zips, GitLab traces,
 * Travis, Jenkins and plain logs. Line numbers are the input's own (a line ends at \n, \r or \r\n), and
 * memory stays bounded whatever the size of the input. Depends only on {@code model} and the JDK.
 */
package dev.cidoctor.logs;
