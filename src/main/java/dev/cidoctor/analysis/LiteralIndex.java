package dev.cidoctor.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    // the trie goes straight into the transition table (-1: no child yet); arrays, not maps, since
    // this runs at every start and a map per state cost a third of a typical analysis' start-up
    int capacity = 1;
    for (byte[] k : keys) {
      capacity += k.length;
    }
    int[] table = new int[capacity * classes];
    java.util.Arrays.fill(table, -1);
    int[][] own = new int[capacity][]; // literal ids ending at each state, before failure links
    int states = 1;
    for (int id = 0; id < keys.size(); id++) {
      int state = 0;
      for (byte b : keys.get(id)) {
        int at = state * classes + byteClass[b & 0xFF];
        if (table[at] < 0) {
          table[at] = states++;
        }
        state = table[at];
      }
      own[state] = own[state] == null ? new int[] {id} : append(own[state], id);
    }
    outputs = new int[states][];
    outputs[0] = own[0] == null ? NONE : own[0];
    next = java.util.Arrays.copyOf(table, states * classes);
    int[] fail = new int[states];
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int cls = 0; cls < classes; cls++) {
      int to = next[cls];
      if (to > 0) {
        fail[to] = 0;
        queue[tail++] = to;
      } else {
        next[cls] = 0;
      }
    }
    while (head < tail) {
      int s = queue[head++];
      outputs[s] = union(own[s], outputs[fail[s]]); // fail[s] is shallower, so already done
      int base = s * classes;
      int failBase = fail[s] * classes;
      for (int cls = 0; cls < classes; cls++) {
        int to = next[base + cls];
        if (to > 0) {
          fail[to] = next[failBase + cls];
          queue[tail++] = to;
        } else {
          next[base + cls] = next[failBase + cls];
        }
      }
    }
    for (int i = 0; i < next.length; i++) {
      int to = next[i];
      next[i] = outputs[to].length == 0 ? to * classes : ~(to * classes);
    }
  }

  private static final int[] NONE = new int[0];

  private static int[] append(int[] a, int id) {
    for (int x : a) {
      if (x == id) {
        return a;
      }
    }
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = id;
    return b;
  }

  private static int[] union(int[] mine, int[] inherited) {
    if (mine == null) {
      return inherited;
    }
    int[] u = mine;
    for (int id : inherited) {
      u = append(u, id);
    }
    return u;
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
    start += RuleText.travisNlLength(b, start, end); // rules see "nl  1) x" as "  1) x"
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
