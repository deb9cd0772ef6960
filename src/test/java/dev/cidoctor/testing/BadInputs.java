package dev.cidoctor.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds, in a temporary folder, the inputs a user should be refused or survive: bombs, corrupt zips, huge lines. */
public final class BadInputs {
  /** The name of the one entry of {@link #zipBomb}. */
  public static final String BOMB_ENTRY = "0_build.txt";

  private BadInputs() {}

  /** Bytes that start like a zip (local file header magic) but hold no central directory. */
  public static Path corruptZip(Path dir) throws IOException {
    byte[] b = new byte[64];
    Arrays.fill(b, (byte) 'x');
    b[0] = 'P';
    b[1] = 'K';
    b[2] = 3;
    b[3] = 4;
    return Files.write(dir.resolve("corrupt.zip"), b);
  }

  /** A zip whose one entry is 16 MiB of one byte: deflate shrinks it about a thousandfold. */
  public static Path zipBomb(Path dir) throws IOException {
    Path f = dir.resolve("bomb.zip");
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 'a');
    try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry(BOMB_ENTRY));
      for (int i = 0; i < 16; i++) {
        z.write(block);
      }
      z.closeEntry();
    }
    return f;
  }

  /** The expanded-to-compressed ratio of {@code entry} as the zip's central directory declares it. */
  public static long ratio(Path zip, String entry) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry e = z.getEntry(entry);
      return e.getSize() / e.getCompressedSize();
    }
  }

  /** A log of one line of {@code bytes} bytes (no terminator) that ends in a pytest-like failure. */
  public static Path singleLine(Path dir, int bytes) throws IOException {
    Path f = dir.resolve("one-line.log");
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 'x');
    try (OutputStream os = Files.newOutputStream(f)) {
      int left = bytes;
      while (left > 0) {
        int n = Math.min(left, block.length);
        os.write(block, 0, n);
        left -= n;
      }
    }
    return f;
  }
}
