package dev.cidoctor.analysis;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step: validates the built-in YAML rules and writes them as {@code rules.bin} into the given
 * classes folder. Run by Maven in {@code process-classes}; a rule with a problem fails the build.
 */
public final class RuleCompiler {
  private RuleCompiler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RuleCompiler CLASSES_DIR");
    }
    List<Rule> rules = RuleLoader.parseBuiltIns();
    Path out = Path.of(args[0]).resolve(RuleCodec.RESOURCE);
    try (OutputStream os = Files.newOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(os))) {
      RuleCodec.write(rules, data);
    }
    System.out.println("cidoctor: compiled " + rules.size() + " rules into " + out);
  }
}
