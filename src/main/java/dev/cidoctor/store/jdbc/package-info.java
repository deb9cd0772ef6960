/**
 * The pattern store on SQLite (a file) or PostgreSQL (shared by several cidoctor instances), with one
 * set of migrations for both and daily roll-ups kept by every write so that statistics stay fast. It
 * depends on the store port, model, and config (to read PATTERN_DB_PATH and DATABASE_URL).
 */
package dev.cidoctor.store.jdbc;
