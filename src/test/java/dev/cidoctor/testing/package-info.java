/**
 * Test doubles and drivers shared by the tests: running the command line in-process and capturing its
 * output. Test code only.
 */
package dev.cidoctor.testing;
