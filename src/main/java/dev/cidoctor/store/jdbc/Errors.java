package dev.cidoctor.store.jdbc;

import dev.cidoctor.store.StoreException;
import java.sql.SQLException;

/** Turns a driver's SQLException into one sentence that names the store and what to do. */
final class Errors {
  private Errors() {}

  static StoreException translate(SQLException e, String store, String action) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = String.valueOf(e.getMessage());
    int sqlite = e instanceof org.sqlite.SQLiteException ? e.getErrorCode() & 0xff : -1;
    String sentence;
    if (sqlite == 26 || sqlite == 11 || message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT")) {
      sentence = "The " + store + " is not a readable SQLite database (corrupt or another kind of file); "
          + "move it aside (cidoctor then starts a new one) or set PATTERN_DB_PATH to another file.";
    } else if (sqlite == 8 || sqlite == 14 || message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")) {
      sentence = "The " + store + " cannot be written (read-only file or folder); make it and its folder writable "
          + "or set PATTERN_DB_PATH to a writable file.";
    } else if (sqlite == 5 || sqlite == 6) {
      sentence = "The " + store + " stayed locked by another process for 10 s; try again when it is done.";
    } else if (state.startsWith("08")) {
      sentence = "Cannot reach the " + store + " (" + firstLine(message) + "); check DATABASE_URL and that the server runs.";
    } else if (state.equals("28P01") || state.equals("28000")) {
      sentence = "The " + store + " refused the login; check DATABASE_USER and DATABASE_PASSWORD (or the user in DATABASE_URL).";
    } else if (state.equals("3D000")) {
      sentence = "The " + store + " has no such database; create it or fix DATABASE_URL.";
    } else {
      sentence = "The " + store + " failed to " + action + ": " + firstLine(message) + ".";
    }
    return new StoreException(sentence, e);
  }

  /** Says whether a transaction may succeed when retried (deadlock, serialization failure, busy). */
  static boolean retryable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.equals("40P01") || state.equals("40001")
        || (e instanceof org.sqlite.SQLiteException && (e.getErrorCode() & 0xff) == 5);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).strip();
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
