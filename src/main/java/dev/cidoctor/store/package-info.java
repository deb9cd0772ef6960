/**
 * The pattern store port: processed run attempts, analyzed jobs and their diagnoses, what the history
 * says about a failure. Implementations live in sub-packages ({@code store.jdbc}); this package
 * depends only on model.
 */
package dev.cidoctor.store;
