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
  /** The transition on '^' from each state, whose cell in {@link #next} holds {@link #CARET}. */
  private final int[] caretNext;
  /** Marks in {@link #next}: below every encoded transition, so one sign test catches them too. */
  private static final int ESCAPE = Integer.MIN_VALUE;
  private static final int CARET = Integer.MIN_VALUE + 1;
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
    // ESC and '^' get classes of their own, whose cells hold a mark instead of a transition, so the
    // hot loop tests one sign per byte for both escape sequences and literal ends.
    if (byteClass[0x1b] == 0) {
      byteClass[0x1b] = c++;
    }
    if (byteClass['^'] == 0) {
      byteClass['^'] = c++;
    }
    classes = c;
    // The trie goes straight into the transition table (0: no child, as the root is nobody's
    // child), and each state's children into lists, so that filling a state's row in the
    // breadth-first pass below is one copy of its failure state's row plus its own children:
    // arrays, not maps, and no pass over every cell, since this runs at every start.
    int capacity = 1;
    for (byte[] k : keys) {
      capacity += k.length;
    }
    int[] table = new int[capacity * classes];
    int[] firstChild = new int[capacity]; // 0: none
    int[] nextSibling = new int[capacity];
    int[] edge = new int[capacity]; // the byte class leading to each state from its parent
    int[][] own = new int[capacity][]; // literal ids ending at each state, before failure links
    int states = 1;
    for (int id = 0; id < keys.size(); id++) {
      int state = 0;
      for (byte b : keys.get(id)) {
        int cls = byteClass[b & 0xFF];
        int at = state * classes + cls;
        if (table[at] == 0) {
          int child = states++;
          table[at] = child;
          edge[child] = cls;
          nextSibling[child] = firstChild[state];
          firstChild[state] = child;
        }
        state = table[at];
      }
      own[state] = own[state] == null ? new int[] {id} : append(own[state], id);
    }
    outputs = new int[states][];
    outputs[0] = own[0] == null ? NONE : own[0];
    // A transition to state t is stored as t * classes, negated (~) when t ends a literal: whether
    // it does is known once t's failure link is, which is set when t's parent is processed.
    int[] fail = new int[states];
    boolean[] ends = new boolean[states];
    ends[0] = outputs[0].length > 0;
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    if (ends[0]) { // an empty literal: every byte not starting a literal goes back to the root, which ends it
      Arrays.fill(table, 0, classes, ~0);
    }
    for (int child = firstChild[0]; child != 0; child = nextSibling[child]) {
      fail[child] = 0;
      ends[child] = own[child] != null || ends[0];
      table[edge[child]] = encode(child, ends[child], classes);
      queue[tail++] = child;
    }
    while (head < tail) {
      int s = queue[head++];
      outputs[s] = union(own[s], outputs[fail[s]]); // fail[s] is shallower, so already done
      int base = s * classes;
      int failBase = fail[s] * classes;
      System.arraycopy(table, failBase, table, base, classes); // the failure state's row is complete
      for (int child = firstChild[s]; child != 0; child = nextSibling[child]) {
        int via = table[base + edge[child]];
        fail[child] = (via < 0 ? ~via : via) / classes;
        ends[child] = own[child] != null || ends[fail[child]];
        table[base + edge[child]] = encode(child, ends[child], classes);
        queue[tail++] = child;
      }
    }
    caretNext = new int[states];
    int esc = byteClass[0x1b];
    int caret = byteClass['^'];
    for (int st = 0; st < states; st++) {
      caretNext[st] = table[st * classes + caret];
      table[st * classes + caret] = CARET;
      table[st * classes + esc] = ESCAPE;
    }
    next = table; // rows past the last state (shared prefixes) stay unused: trimming them cost a 3 MB copy
  }

  private static int encode(int state, boolean ends, int classes) {
    return ends ? ~(state * classes) : state * classes;
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
    return scanText(b, RuleText.start(b, off, off + len), off + len, found, seen, stamp);
  }

  /** {@link #scan} from {@code start}, where the text rules see begins ({@link RuleText#start}), to {@code end}. */
  int scanText(byte[] b, int start, int end, int[] found, int[] seen, int stamp) {
    int count = 0;
    int[] nx = next;
    int[] bc = byteClass;
    int base = nx[bc[LINE_START]]; // no literal is LINE_START alone, so this state has no output
    base = base < 0 ? ~base : base;
    for (int i = start; i < end; i++) {
      int t = nx[base + bc[b[i] & 0xFF]];
      if (t >= 0) {
        base = t;
        continue;
      }
      if (t == ESCAPE) {
        i = skipEscape(b, i, end);
        continue;
      }
      if (t == CARET) {
        if (i + 2 < end && b[i + 1] == '[' && b[i + 2] == '[') {
          i = skipEscape(b, i + 1, end); // ANSI spelled "^[[31m" by a pager: skip it like ESC [
          continue;
        }
        t = caretNext[base / classes];
        if (t >= 0) {
          base = t;
          continue;
        }
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
