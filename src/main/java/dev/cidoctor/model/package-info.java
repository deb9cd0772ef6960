/**
 * Records and enums that describe a failed CI log and its diagnosis. This package depends on nothing
 * but the JDK: no I/O, no library types, so every other package can share it.
 */
package dev.cidoctor.model;
