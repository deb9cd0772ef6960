package dev.cidoctor.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps sqlite-jdbc's native library in the user's cache folder instead of letting the driver copy it
 * out of the jar into the temporary folder and hash it on every start: measured 165 ms against 77 ms
 * for the first connection, on every {@code analyze}. Any problem leaves the driver to its own way.
 */
final class NativeLibrary {
  private static volatile boolean done;

  private NativeLibrary() {}

  static void useCachedCopy() {
    if (done || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    done = true;
    try {
      String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
      String name = System.mapLibraryName("sqlitejdbc");
      String resource = "/org/sqlite/native/" + folder + "/" + name;
      if (NativeLibrary.class.getResource(resource) == null && name.endsWith(".dylib")) {
        name = name.replace(".dylib", ".jnilib");
        resource = "/org/sqlite/native/" + folder + "/" + name;
      }
      if (NativeLibrary.class.getResource(resource) == null) {
        return;
      }
      Path dir = cacheRoot().resolve("sqlite-jdbc-" + org.sqlite.SQLiteJDBCLoader.getVersion()).resolve(folder);
      Path lib = dir.resolve(name);
      if (!Files.isRegularFile(lib)) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".part");
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE); // a half-written library is never seen
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException | LinkageError e) {
      // read-only home, unknown platform ...: sqlite-jdbc extracts the library itself, only slower
    }
  }

  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "cidoctor");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cidoctor");
  }
}
