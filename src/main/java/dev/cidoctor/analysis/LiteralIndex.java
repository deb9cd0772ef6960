package dev.cidoctor.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over raw line bytes that finds, in one pass and ignoring ASCII case and
 * ANSI escape sequences, which of many literals a line contains. This is the prefilter that keeps
 * the full knowledge base fast: most lines of a log contain none of the literals and are never
 * decoded or matched against a regex.
 *
 * <p>A literal that starts with {@link #LINE_START} matches only at the start of the line's text
 * (after a byte-order mark and a GitHub Actions timestamp, as {@code LineText.clean} sees it): the
 * scan feeds that byte before the line's first byte (past the {@code nl} of Travis' macOS workers,
 * which the scanner's rules do not see either). Seven spaces anywhere are in a fifth of the lines
 * of a GitHub Actions log; seven spaces opening a line, in a twelfth.
 */
final class LiteralIndex {
  /** Stands for the start of a line in a literal; never inside a line, since lines end at \n. */
  static final char LINE_START = '\n';

  final int[] byteClass = new int[256];
  final int classes;
  /**
   * Transitions: {@code next[base + class]} is the base (state * classes) of the next state, bitwise
   * negated when that state ends a literal, so the hot loop needs one load and one sign test per byte.
   */
  final int[] next;
  final int[][] outputs; // state -> literal ids ending here (after failure-link merge)
  private final int literalCount;

  LiteralIndex(List<String> literals) {
    this.literalCount = literals.size();
    List<byte[]> keys = new ArrayList<>();
    for (String s : literals) {
      keys.add(lower(s.getBytes(StandardCharsets.UTF_8)));
    }
    int c = 1; // class 0: any byte not in a literal
    for (byte[] k : keys) {
      for (byte b : k) {
        if (byteClass[b & 0xFF] == 0) {
          byteClass[b & 0xFF] = c++;
        }
      }
    }
    for (int b = 'A'; b <= 'Z'; b++) {
      byteClass[b] = byteClass[b + 32];
    }
    classes = c;
    List<Map<Integer, Integer>> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(new HashMap<>());
    out.add(new ArrayList<>());
    for (int id = 0; id < keys.size(); id++) {
      int state = 0;
      for (byte b : keys.get(id)) {
        int cls = byteClass[b & 0xFF];
        Integer to = trie.get(state).get(cls);
        if (to == null) {
          to = trie.size();
          trie.add(new HashMap<>());
          out.add(new ArrayList<>());
          trie.get(state).put(cls, to);
        }
        state = to;
      }
      out.get(state).add(id);
    }
    int states = trie.size();
    next = new int[states * classes];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int cls = 0; cls < classes; cls++) {
      Integer to = trie.get(0).get(cls);
      if (to != null) {
        next[cls] = to;
        fail[to] = 0;
        queue.add(to);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int cls = 0; cls < classes; cls++) {
        Integer to = trie.get(s).get(cls);
        if (to != null) {
          fail[to] = next[fail[s] * classes + cls];
          next[s * classes + cls] = to;
          queue.add(to);
        } else {
          next[s * classes + cls] = next[fail[s] * classes + cls];
        }
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] = out.get(s).stream().distinct().mapToInt(Integer::intValue).toArray();
    }
    for (int i = 0; i < next.length; i++) {
      int to = next[i];
      next[i] = outputs[to].length == 0 ? to * classes : ~(to * classes);
    }
  }

  int literalCount() {
    return literalCount;
  }

  /**
   * Writes into {@code found} the ids of literals in the line (each at most once per call when
   * {@code seen} is cleared by the caller's stamp) and returns how many; stops at found.length.
   */
  int scan(byte[] b, int off, int len, int[] found, int[] seen, int stamp) {
    int count = 0;
    int end = off + len;
    int[] nx = next;
    int[] bc = byteClass;
    int start = off;
    if (end - start >= 3 && (b[start] & 0xFF) == 0xEF && (b[start + 1] & 0xFF) == 0xBB && (b[start + 2] & 0xFF) == 0xBF) {
      start += 3;
    }
    start += dev.cidoctor.logs.LineText.timestampLength(b, start, end);
    start += Scanner.travisNlLength(b, start, end); // rules see "nl  1) x" as "  1) x"
    int base = nx[bc[LINE_START]]; // no literal is LINE_START alone, so this state has no output
    base = base < 0 ? ~base : base;
    for (int i = start; i < end; i++) {
      int v = b[i] & 0xFF;
      if (v == 0x1b) {
        i = skipEscape(b, i, end);
        continue;
      }
      if (v == '^' && i + 2 < end && b[i + 1] == '[' && b[i + 2] == '[') {
        i = skipEscape(b, i + 1, end); // ANSI spelled "^[[31m" by a pager: skip it like ESC [
        continue;
      }
      int t = nx[base + bc[v]];
      if (t >= 0) {
        base = t;
        continue;
      }
      base = ~t;
      for (int id : outputs[base / classes]) {
        if (seen[id] != stamp) {
          seen[id] = stamp;
          if (count < found.length) {
            found[count++] = id;
          }
        }
      }
    }
    return count;
  }

  /** Returns the index of the last byte of the escape sequence at {@code i}; never passes a line end. */
  static int skipEscape(byte[] b, int i, int end) {
    if (i + 1 < end && b[i + 1] == '[') {
      int j = i + 2;
      while (j < end && (b[j] < '@' || b[j] > '~')) {
        if (b[j] == '\n' || b[j] == '\r') {
          return j - 1;
        }
        j++;
      }
      return Math.min(j, end - 1);
    }
    return Math.min(i + 1, end - 1) > i && (b[i + 1] == '\n' || b[i + 1] == '\r') ? i : Math.min(i + 1, end - 1);
  }

  private static byte[] lower(byte[] k) {
    byte[] r = Arrays.copyOf(k, k.length);
    for (int i = 0; i < r.length; i++) {
      if (r[i] >= 'A' && r[i] <= 'Z') {
        r[i] += 32;
      }
    }
    return r;
  }
}
