package dev.cidoctor.store.jdbc;

import dev.cidoctor.config.ConfigException;
import dev.cidoctor.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Opens the store's one connection: PostgreSQL when DATABASE_URL is a {@code jdbc:postgresql} URL,
 * else the SQLite file at PATTERN_DB_PATH. Drivers are called directly, not through DriverManager,
 * which would load every driver on the class path.
 */
final class Connections {
  static final String DB_PATH_KEY = "PATTERN_DB_PATH";
  static final String URL_KEY = "DATABASE_URL";
  static final String DEFAULT_PATH = "./data/patterns.db";

  /** An open connection, its dialect and a description safe to print (no password). */
  record Opened(Connection connection, Dialect dialect, String description) {}

  private Connections() {}

  static Opened open(Map<String, String> values) {
    String url = values.getOrDefault(URL_KEY, "").strip();
    if (url.startsWith("jdbc:postgresql:")) {
      return postgres(url, values.get("DATABASE_USER"), values.get("DATABASE_PASSWORD"));
    }
    if (!url.isEmpty()) {
      throw new ConfigException(URL_KEY + " must be a jdbc:postgresql://HOST:PORT/DATABASE URL (or unset for the SQLite file at "
          + DB_PATH_KEY + "); it starts with '" + url.substring(0, url.indexOf(':') + 1) + "'."); // never more: it may hold a password
    }
    String path = values.getOrDefault(DB_PATH_KEY, "").strip();
    return sqlite(Path.of(path.isEmpty() ? DEFAULT_PATH : path));
  }

  static Opened sqlite(Path file) {
    String description = "pattern store " + file;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("Cannot create the folder of the " + description + ": " + e.getMessage()
          + "; set " + DB_PATH_KEY + " to a writable place.", e);
    }
    if (Files.isDirectory(file)) {
      throw new StoreException("The " + description + " is a folder, not a file; set " + DB_PATH_KEY + " to a file path.");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // WAL + NORMAL: durable at checkpoints, never corrupt
    config.setBusyTimeout(10_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE); // writers queue at BEGIN, never deadlock on upgrade
    NativeLibrary.useCachedCopy();
    try {
      Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, config.toProperties());
      return new Opened(c, Dialect.SQLITE, description);
    } catch (SQLException e) {
      throw Errors.translate(e, description, "open");
    }
  }

  static Opened postgres(String url, String user, String password) {
    String description = "pattern store at PostgreSQL " + safe(url);
    Properties p = new Properties();
    if (user != null && !user.isBlank()) {
      p.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", "10");
    p.setProperty("ApplicationName", "cidoctor");
    try {
      Connection c = new org.postgresql.Driver().connect(url, p);
      if (c == null) {
        throw new ConfigException(URL_KEY + " is not a URL the PostgreSQL driver accepts: " + safe(url) + ".");
      }
      return new Opened(c, Dialect.POSTGRESQL, description);
    } catch (SQLException e) {
      throw Errors.translate(e, description, "open");
    }
  }

  /** Host, port and database of a JDBC URL; user info and parameters (which may hold a password) are dropped. */
  static String safe(String jdbcUrl) {
    try {
      URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
      String host = u.getHost() == null ? "localhost" : u.getHost();
      return host + (u.getPort() > 0 ? ":" + u.getPort() : "") + (u.getPath() == null ? "" : u.getPath());
    } catch (IllegalArgumentException e) {
      return "(unparsable URL)";
    }
  }
}
