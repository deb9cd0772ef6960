/**
 * Records and enums that describe CI runs, jobs, failed logs and their diagnoses. This package
 * depends on nothing but the JDK: no I/O, no library types, so every other package can share it.
 */
package dev.cidoctor.model;
