package dev.cidoctor.store.jdbc;

/** The two databases the store runs on; where their SQL differs, the difference lives here. */
enum Dialect {
  SQLITE("BLOB"),
  POSTGRESQL("BYTEA");

  private final String blob;

  Dialect(String blob) {
    this.blob = blob;
  }

  /** Fills the migration placeholders ({@code ${BLOB}}) for this database. */
  String expand(String sql) {
    return sql.replace("${BLOB}", blob);
  }
}
