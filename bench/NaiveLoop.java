import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference the foundation issue compares with: a plain Java loop that reads a log line by line and
 * counts the lines grep's 'error|fail' would count. bench/run.sh times it beside grep and cidoctor; it is
 * not part of the product.
 */
public final class NaiveLoop {
  private NaiveLoop() {}

  public static void main(String[] args) throws Exception {
    long count = 0;
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.ISO_8859_1)) {
      for (String line; (line = r.readLine()) != null; ) {
        String s = line.toLowerCase();
        if (s.contains("error") || s.contains("fail")) {
          count++;
        }
      }
    }
    System.out.println(count);
  }
}
