package dev.cidoctor.analysis;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Severity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes and reads validated rules in a compact binary form. The build compiles the built-in YAML
 * into {@code rules.bin} ({@link RuleCompiler}), so a run loads the knowledge base in milliseconds
 * instead of starting a YAML parser: start-up is most of the time a typical log takes.
 */
final class RuleCodec {
  static final String RESOURCE = "rules.bin";
  private static final int MAGIC = 0xC1D0C705; // 05: a gate's indentation and last character

  private RuleCodec() {}

  static void write(List<Rule> rules, DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(rules.size());
    for (Rule r : rules) {
      out.writeUTF(r.id());
      out.writeUTF(r.source());
      out.writeUTF(r.category().wireName());
      out.writeUTF(r.severity().wireName());
      out.writeBoolean(r.transientFailure());
      out.writeInt(r.priority());
      out.writeInt(r.linePatterns().size());
      for (LinePattern p : r.linePatterns()) {
        writeLinePattern(out, p);
      }
      writePattern(out, r.unless());
      writeStrings(out, r.literals());
      out.writeBoolean(r.requires() != null);
      if (r.requires() != null) {
        writePattern(out, r.requires().pattern());
        out.writeInt(r.requires().within());
        out.writeBoolean(r.requires().after());
        out.writeBoolean(r.requires().negated());
      }
      out.writeInt(r.contextBefore());
      out.writeInt(r.contextAfter());
      writePattern(out, r.contextUntil());
      out.writeBoolean(r.primaryIsRequired());
      out.writeBoolean(r.primaryAbove());
      out.writeBoolean(r.pickLast());
      out.writeBoolean(r.collectTests());
      writeNullable(out, r.testName());
      writeNullable(out, r.testAlias());
      writeStrings(out, r.remember());
      out.writeBoolean(r.contextOnly());
      writeLong(out, r.summary());
      writeLong(out, r.suggestion());
    }
  }

  static List<Rule> read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a cidoctor rules file");
    }
    int n = in.readInt();
    List<Rule> rules = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = in.readUTF();
      String source = in.readUTF();
      Category category = Category.fromWireName(in.readUTF());
      Severity severity = Severity.fromWireName(in.readUTF());
      boolean transientFailure = in.readBoolean();
      int priority = in.readInt();
      int np = in.readInt();
      List<LinePattern> patterns = new ArrayList<>(np);
      for (int k = 0; k < np; k++) {
        patterns.add(readLinePattern(in));
      }
      Pattern unless = readPattern(in);
      List<String> literals = readStrings(in);
      Rule.LineCondition requires = null;
      if (in.readBoolean()) {
        requires = new Rule.LineCondition(readPattern(in), in.readInt(), in.readBoolean(), in.readBoolean());
      }
      int before = in.readInt();
      int after = in.readInt();
      Pattern until = readPattern(in);
      boolean primaryIsRequired = in.readBoolean();
      boolean primaryAbove = in.readBoolean();
      boolean pickLast = in.readBoolean();
      boolean tests = in.readBoolean();
      String testName = readNullable(in);
      String testAlias = readNullable(in);
      List<String> remember = readStrings(in);
      boolean contextOnly = in.readBoolean();
      String summary = readLong(in);
      String suggestion = readLong(in);
      rules.add(new Rule(id, source, category, severity, transientFailure, priority, patterns, unless, literals, requires,
          before, after, until, primaryIsRequired, primaryAbove, pickLast, tests, testName, testAlias, remember, contextOnly, summary, suggestion));
    }
    return rules;
  }

  /** A line pattern with the facts {@link LinePattern#of} derived, so a run need not derive them again. */
  private static void writeLinePattern(DataOutputStream out, LinePattern p) throws IOException {
    writeLong(out, p.source());
    out.writeInt(p.flags());
    writeLong(out, p.lead);
    out.writeBoolean(p.anchored);
    Gate g = p.gate;
    out.writeBoolean(g != null);
    if (g != null) {
      writeLong(out, g.lead());
      writeStrings(out, List.of(g.runs()));
      out.writeBoolean(g.ignoreCase());
      out.writeChar(g.first().kind());
      out.writeBoolean(g.first().skipsSpace());
      out.writeInt(g.indent() == null ? -1 : g.indent().min());
      out.writeInt(g.indent() == null ? -1 : g.indent().max());
      out.writeChar(g.last());
    }
  }

  private static LinePattern readLinePattern(DataInputStream in) throws IOException {
    String regex = readLong(in);
    int flags = in.readInt();
    String lead = readLong(in);
    boolean anchored = in.readBoolean();
    Gate gate = null;
    if (in.readBoolean()) {
      String gateLead = readLong(in);
      String[] runs = readStrings(in).toArray(String[]::new);
      boolean ignoreCase = in.readBoolean();
      Literals.FirstChar first = new Literals.FirstChar(in.readChar(), in.readBoolean());
      int min = in.readInt();
      int max = in.readInt();
      gate = new Gate(gateLead, runs, ignoreCase, first, min < 0 ? null : new Literals.Indent(min, max), in.readChar());
    }
    return new LinePattern(regex, flags, null, lead, anchored, gate); // compiled on first use
  }

  private static void writePattern(DataOutputStream out, Pattern p) throws IOException {
    out.writeBoolean(p != null);
    if (p != null) {
      writeLong(out, p.pattern());
      out.writeInt(p.flags());
    }
  }

  private static Pattern readPattern(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String regex = readLong(in);
    return Pattern.compile(regex, in.readInt());
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeLong(out, s);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readLong(in));
    }
    return out;
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeLong(out, s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readLong(in) : null;
  }

  /** Strings of any length (writeUTF stops at 64 KiB). */
  private static void writeLong(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readLong(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
