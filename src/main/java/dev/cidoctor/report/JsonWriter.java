package dev.cidoctor.report;

import java.util.Locale;

/**
 * Writes JSON as it goes (RFC 8259 string escaping), pretty or one line. Public so that commands whose
 * start-up time counts ({@code patterns --format json}) can write JSON without loading Jackson.
 */
public final class JsonWriter {
  private final StringBuilder sb = new StringBuilder(1024);
  private final boolean pretty;
  private int depth;
  private boolean first = true;
  private boolean afterName;

  public JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  public JsonWriter beginObject() {
    return open('{');
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    return open('[');
  }

  public JsonWriter endArray() {
    return close(']');
  }

  public JsonWriter name(String name) {
    separate();
    string(name);
    sb.append(pretty ? " : " : ":");
    afterName = true;
    return this;
  }

  public JsonWriter value(String s) {
    separate();
    if (s == null) {
      sb.append("null");
    } else {
      string(s);
    }
    return this;
  }

  public JsonWriter nullValue() {
    return value((String) null);
  }

  public JsonWriter value(boolean b) {
    separate();
    sb.append(b);
    return this;
  }

  public JsonWriter value(long n) {
    separate();
    sb.append(n);
    return this;
  }

  public JsonWriter value(double d) {
    separate();
    if (Double.isFinite(d)) {
      // Double.toString switches to scientific notation under 1e-3 (a cost of 3.72E-4); JSON allows it
      // but people and jq-to-shell pipelines read plain decimals, so print the same digits plainly.
      sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d)
          : new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString());
    } else {
      sb.append("null");
    }
    return this;
  }

  private JsonWriter open(char c) {
    separate();
    sb.append(c);
    depth++;
    first = true;
    return this;
  }

  private JsonWriter close(char c) {
    depth--;
    if (pretty && !first) {
      newline();
    }
    sb.append(c);
    first = false;
    return this;
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!first) {
      sb.append(',');
    }
    if (pretty && depth > 0) {
      newline();
    }
    first = false;
  }

  private void newline() {
    sb.append('\n');
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
