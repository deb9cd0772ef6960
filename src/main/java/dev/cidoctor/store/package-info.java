/**
 * The pattern store ports: {@code PatternStore} (processed run attempts, analyzed jobs, conditional
 * request validators, webhook deliveries) and {@code FailureHistory} (what the history says about a
 * failure), with the pure logic that names patterns and judges trends. Implementations live in
 * {@code store.jdbc}; this package depends only on model (store.jdbc adds config).
 */
package dev.cidoctor.store;
