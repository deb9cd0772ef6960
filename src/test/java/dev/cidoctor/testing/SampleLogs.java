package dev.cidoctor.testing;

/** Small GitHub Actions job logs shared by the monitor's tests. */
public final class SampleLogs {
  /** A pytest job whose test could not reach PostgreSQL on localhost:5432; the root cause is line 4. */
  public static final String PYTEST_DB_REFUSED = """
      2026-11-20T10:00:01.0000000Z ##[group]Run pytest -q
      2026-11-20T10:00:01.0000000Z pytest -q
      2026-11-20T10:00:01.0000000Z ##[endgroup]
      2026-11-20T10:00:05.0000000Z FAILED tests/test_db.py::test_insert - psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
      2026-11-20T10:00:05.0000000Z ========================= 1 failed, 12 passed in 3.10s =========================
      2026-11-20T10:00:05.0000000Z ##[error]Process completed with exit code 1.
      """;

  private SampleLogs() {}
}
