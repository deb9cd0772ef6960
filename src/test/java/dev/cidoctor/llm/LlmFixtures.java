package dev.cidoctor.llm;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.llm.langchain4j.LangChainModels;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.testing.ScriptedLlm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the real pieces the LLM tests run: the rules' diagnosis of a fixture log and an analysis wired to a ScriptedLlm. */
final class LlmFixtures {
  static final Instant NOW = Instant.parse("2024-05-02T10:05:00Z");
  /** The JSON answer a model gives for integration-failure.log: both lines and quotes are real. */
  static final String GOOD_ANSWER = """
      {"root_cause": "The data invariant every_order_has_products failed: 3 seeded orders reference products that are not in fixtures/catalogue.csv.",
       "category": "test_failure", "severity": "medium",
       "suggestion": "Add the missing products to fixtures/catalogue.csv or remove orders 1187, 1192 and 1203 from fixtures/orders.csv.",
       "confidence": 0.85, "transient": false,
       "evidence": [{"line": 20, "quote": "every_order_has_products ... MISMATCH"}, {"line": 21, "quote": "found 3 (ids 1187, 1192, 1203)"}, {"line": 13, "quote": "3 orders reference unknown products"}]}""";

  private LlmFixtures() {}

  static LogDocument doc(String resource) {
    return new LogDocument(resource, null, null, null, () -> LlmFixtures.class.getResourceAsStream(resource));
  }

  static Diagnosis rules(String resource) {
    try {
      return Analyzer.withRules(List.of()).analyze(doc(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LogLines lines(String resource) {
    try {
      return LogLines.read(doc(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> config(ScriptedLlm llm, String... more) {
    Map<String, String> v = new HashMap<>();
    if (llm.protocol() == ScriptedLlm.Protocol.OLLAMA) {
      v.put("OLLAMA_BASE_URL", llm.baseUrl());
      v.put("OLLAMA_MODEL", "llama3.1:8b");
    } else if (llm.protocol() == ScriptedLlm.Protocol.ANTHROPIC) {
      v.put("ANTHROPIC_API_KEY", "sk-ant-test-key-never-printed");
      v.put("ANTHROPIC_BASE_URL", llm.baseUrl());
    } else {
      v.put("OPENAI_API_KEY", "sk-test-key-never-printed");
      v.put("OPENAI_BASE_URL", llm.baseUrl());
    }
    v.put("LLM_TIMEOUT_SECONDS", "5");
    for (int i = 0; i < more.length; i += 2) {
      v.put(more[i], more[i + 1]);
    }
    return v;
  }

  static LlmAnalysis analysis(Map<String, String> config, AnswerCache cache, KnownFixes fixes, SpendLedger spend) {
    LlmSettings s = LlmSettings.from(config).orElseThrow();
    return new LlmAnalysis(LangChainModels.create(s), s, Pricing.load(null), cache, fixes, spend,
        Clock.fixed(NOW, ZoneOffset.UTC), d -> {});
  }
}
