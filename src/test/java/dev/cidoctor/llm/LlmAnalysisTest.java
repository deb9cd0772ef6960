package dev.cidoctor.llm;

import static dev.cidoctor.llm.LlmFixtures.GOOD_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.ReasoningStep;
import dev.cidoctor.testing.ScriptedLlm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays scripted transcripts through the real LangChain4j OpenAI and Anthropic clients against a loopback server. */
class LlmAnalysisTest {
  private static final String LOG = "integration-failure.log";

  @Test
  void explain_openAiInvestigationWithToolCalls_returnsTheValidatedAnswer() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("The step failed on an invariant; let me find every MISMATCH.", "search_log", "{\"pattern\":\"MISMATCH|violated\"}", 1200, 30)
          .toolCall("Now the lines after the mismatch.", "read_log_lines", "{\"from\":20,\"to\":22}", 1400, 25)
          .answer(GOOD_ANSWER, 1600, 140);
      InMemorySpendLedger ledger = new InMemorySpendLedger();
      Diagnosis rules = LlmFixtures.rules(LOG);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, ledger)
          .explain(rules, LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      Diagnosis d = out.diagnosis();
      assertThat(d.summary()).startsWith("The data invariant every_order_has_products failed");
      assertThat(d.category()).isEqualTo(Category.TEST_FAILURE);
      assertThat(d.confidence()).isEqualTo(0.85);
      assertThat(d.evidence()).extracting(Evidence::line).containsExactly(20L, 21L, 13L);
      assertThat(d.primary().text()).isEqualTo("checking invariant every_order_has_products ... MISMATCH");
      assertThat(d.fingerprint()).isEqualTo(rules.fingerprint());
      List<ReasoningStep> llmSteps = d.trace().subList(rules.trace().size(), d.trace().size());
      assertThat(llmSteps).extracting(ReasoningStep::action)
          .containsExactly("search_log({\"pattern\":\"MISMATCH|violated\"})", "read_log_lines({\"from\":20,\"to\":22})");
      assertThat(llmSteps.get(0).thought()).isEqualTo("The step failed on an invariant; let me find every MISMATCH.");
      assertThat(llmSteps.get(0).observation())
          .isEqualTo("20: checking invariant every_order_has_products ... MISMATCH\n22: invariant check failed: 1 of 3 invariants violated\n");
      assertThat(out.model()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(out.cost().inputTokens()).isEqualTo(4200);
      assertThat(out.cost().outputTokens()).isEqualTo(195);
      assertThat(out.cost().dollars()).isCloseTo((4200 * 0.15 + 195 * 0.60) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(ledger.entries()).singleElement().satisfies(e -> assertThat(e.cost()).isEqualTo(out.cost()));

      List<JsonNode> sent = llm.requests();
      assertThat(sent).hasSize(3);
      assertThat(llm.paths()).containsOnly("/v1/chat/completions");
      assertThat(names(sent.get(0).path("tools"))).containsExactly("search_log", "read_log_lines", "list_failed_steps", "similar_failures");
      JsonNode second = sent.get(1).path("messages");
      JsonNode toolMessage = second.get(second.size() - 1);
      assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
      assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_1");
      assertThat(toolMessage.path("content").asText()).contains("20: checking invariant every_order_has_products ... MISMATCH");
    }
  }

  @Test
  void explain_anthropicInvestigationWithToolCalls_returnsTheValidatedAnswer() {
    try (ScriptedLlm llm = ScriptedLlm.anthropic()) {
      llm.toolCall("Which steps failed?", "list_failed_steps", "{}", 900, 20).answer(GOOD_ANSWER, 1100, 150);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(out.model()).isEqualTo("claude-3-5-haiku-20241022");
      assertThat(out.cost().inputTokens()).isEqualTo(2000);
      assertThat(out.cost().dollars()).isCloseTo((2000 * 0.80 + 170 * 4.00) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
      List<JsonNode> sent = llm.requests();
      assertThat(llm.paths()).containsOnly("/v1/messages");
      assertThat(sent.get(0).path("system").toString()).contains("cidoctor, a CI failure analyst");
      JsonNode last = sent.get(1).path("messages").get(sent.get(1).path("messages").size() - 1);
      assertThat(last.path("role").asText()).isEqualTo("user");
      assertThat(last.path("content").get(0).path("type").asText()).isEqualTo("tool_result");
      assertThat(last.path("content").get(0).path("tool_use_id").asText()).isEqualTo("toolu_1");
      assertThat(last.path("content").get(0).path("content").toString())
          .contains("failed step (from the log): ./scripts/check-invariants.sh").contains("23: ##[error]Process completed with exit code 3.");
    }
  }

  @Test
  void explain_ollamaInvestigationWithToolCalls_returnsTheValidatedAnswerAtNoCost() {
    try (ScriptedLlm llm = ScriptedLlm.ollama()) {
      llm.toolCall("Find it.", "search_log", "{\"pattern\":\"MISMATCH\"}", 700, 15).answer(GOOD_ANSWER, 900, 150);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(llm.paths()).containsOnly("/api/chat");
      assertThat(out.cost().inputTokens()).isEqualTo(1600);
      assertThat(out.cost().dollars()).isZero();
      assertThat(out.diagnosis().trace()).extracting(ReasoningStep::observation)
          .contains("20: checking invariant every_order_has_products ... MISMATCH\n");
      JsonNode second = llm.requests().get(1).path("messages");
      assertThat(second.get(second.size() - 1).path("role").asText()).isEqualTo("tool");
    }
  }

  @Test
  void explain_hallucinatedEvidenceTwice_asksAgainOnceThenKeepsTheRules() {
    String invented = GOOD_ANSWER.replace("\"line\": 20", "\"line\": 412");
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(invented, 1000, 100).answer(invented.replace("MISMATCH\"}", "FAILED\"}"), 1200, 100);
      Diagnosis rules = LlmFixtures.rules(LOG);
      InMemoryAnswerCache cache = new InMemoryAnswerCache();

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), cache, KnownFixes.NONE, SpendLedger.NONE)
          .explain(rules, LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.RULES);
      assertThat(out.note()).isEqualTo("the model's answer was rejected twice (evidence line 412 does not exist (the log has 24 lines))");
      assertThat(out.diagnosis().summary()).isEqualTo(rules.summary());
      assertThat(out.diagnosis().evidence()).isEqualTo(rules.evidence());
      assertThat(llm.requests()).hasSize(2);
      JsonNode retry = llm.requests().get(1).path("messages");
      assertThat(retry.get(retry.size() - 1).path("content").asText())
          .startsWith("Your answer was rejected: evidence line 412 does not exist (the log has 24 lines).");
      assertThat(cache.get(rules.fingerprint())).isEmpty();
      assertThat(out.cost().inputTokens()).isEqualTo(2200);
    }
  }

  @Test
  void explain_misquotedLineThenCorrected_acceptsTheSecondAnswer() {
    String misquoted = GOOD_ANSWER.replace("found 3 (ids 1187, 1192, 1203)", "found 4 orphans");
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(misquoted, 1000, 100).answer(GOOD_ANSWER, 1200, 100);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(out.diagnosis().trace()).extracting(ReasoningStep::observation)
          .contains("rejected: evidence line 21 does not say \"found 4 orphans\"");
    }
  }

  @Test
  void explain_malformedToolCalls_getErrorObservationsAndTheLoopGoesOn() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("Search.", "search_log", "{\"pattern\": ", 500, 10)
          .toolCall("Run it.", "run_shell", "{\"cmd\":\"cat /etc/passwd\"}", 600, 10)
          .toolCall("Read.", "read_log_lines", "{\"from\":\"twenty\",\"to\":3}", 700, 10)
          .toolCall("Regex.", "search_log", "{\"pattern\":\"(unclosed\"}", 800, 10)
          .answer(GOOD_ANSWER, 900, 100);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      List<String> observations = new ArrayList<>();
      for (ReasoningStep s : out.diagnosis().trace()) {
        if (s.observation().startsWith("error:")) {
          observations.add(s.observation());
        }
      }
      assertThat(observations).containsExactly(
          "error: arguments are not valid JSON: {\"pattern\": ",
          "error: there is no tool named 'run_shell'; the tools are search_log, read_log_lines, list_failed_steps, similar_failures",
          "error: 'from' and 'to' must be line numbers",
          "error: invalid regex: Unclosed group");
    }
  }

  @Test
  void explain_tokenBudgetSpent_stopsBeforeTheNextCallAndKeepsTheRules() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("Search.", "search_log", "{\"pattern\":\"MISMATCH\"}", 1500, 20).answer(GOOD_ANSWER, 100, 100);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "LLM_MAX_TOKENS", "1000"), new InMemoryAnswerCache(),
          KnownFixes.NONE, SpendLedger.NONE).explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.RULES);
      assertThat(out.note()).isEqualTo("the token budget (LLM_MAX_TOKENS=1000) is spent: 1520 tokens");
      assertThat(llm.requests()).hasSize(1);
      assertThat(llm.remaining()).isEqualTo(1);
    }
  }

  @Test
  void explain_dollarBudgetSpent_stopsCleanly() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("Search.", "search_log", "{\"pattern\":\"MISMATCH\"}", 9000, 20).answer(GOOD_ANSWER, 100, 100);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "LLM_MAX_COST", "0.001"), new InMemoryAnswerCache(),
          KnownFixes.NONE, SpendLedger.NONE).explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.RULES);
      assertThat(out.note()).isEqualTo("the cost budget (LLM_MAX_COST=0.00) is spent: $0.0014");
      assertThat(llm.requests()).hasSize(1);
    }
  }

  @Test
  void explain_stepLimitReached_lastCallHasNoToolsAndMustAnswer() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("1", "list_failed_steps", "{}", 100, 10).toolCall("2", "list_failed_steps", "{}", 100, 10).answer(GOOD_ANSWER, 100, 10);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "MAX_REASONING_STEPS", "3"), new InMemoryAnswerCache(),
          KnownFixes.NONE, SpendLedger.NONE).explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      JsonNode last = llm.requests().get(2);
      assertThat(last.has("tools")).isFalse();
      assertThat(last.path("messages").get(last.path("messages").size() - 1).path("content").asText()).isEqualTo(Prompts.LAST_STEP);
    }
  }

  @Test
  void explain_rateLimitedTwiceThenAnswered_retriesAndSucceeds() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.status(429).status(429).answer(GOOD_ANSWER, 1000, 100);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "LLM_RETRIES", "2"), new InMemoryAnswerCache(),
          KnownFixes.NONE, SpendLedger.NONE).explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(llm.requests()).hasSize(3);
      assertThat(out.diagnosis().trace()).extracting(ReasoningStep::action).endsWith("retry", "retry");
    }
  }

  @Test
  void explain_rateLimitedEveryTime_fallsBackToTheRules() {
    try (ScriptedLlm llm = ScriptedLlm.anthropic()) {
      llm.status(429).status(429).status(429);
      Diagnosis rules = LlmFixtures.rules(LOG);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "LLM_RETRIES", "2"), new InMemoryAnswerCache(),
          KnownFixes.NONE, SpendLedger.NONE).explain(rules, LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.RULES);
      assertThat(out.note()).isEqualTo("the model failed: anthropic (claude-3-5-haiku-latest) answered 429 Too Many Requests (tried 3 times)");
      assertThat(out.diagnosis().summary()).isEqualTo(rules.summary());
      assertThat(llm.requests()).hasSize(3);
    }
  }

  @Test
  void explain_modelTimesOut_retriesThenFallsBack() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.stall(java.time.Duration.ofMillis(2500)).stall(java.time.Duration.ofMillis(2500));

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "LLM_RETRIES", "1", "LLM_TIMEOUT_SECONDS", "1"),
          new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE).explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.RULES);
      assertThat(out.note()).isEqualTo("the model failed: openai (gpt-4o-mini) did not answer in time (tried 2 times)");
      assertThat(llm.requests()).hasSize(2);
    }
  }

  @Test
  void explain_unauthorized_doesNotRetryAndNeverShowsTheKey() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.status(401);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.RULES);
      assertThat(out.note()).isEqualTo("the model failed: openai (gpt-4o-mini) refused the API key (401/403); check the key's variable");
      assertThat(out.note() + out.diagnosis().trace()).doesNotContain("sk-test-key-never-printed");
      assertThat(llm.requests()).hasSize(1);
    }
  }

  @Test
  void explain_serverReportsNoUsage_tokensAreCountedWithTheTokenizer() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.withoutUsage().answer(GOOD_ANSWER, 0, 0);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(out.cost().outputTokens()).isEqualTo(Tokens.estimate(GOOD_ANSWER));
      JsonNode sent = llm.requests().get(0).path("messages");
      long expectedIn = Tokens.estimate(sent.get(0).path("content").asText()) + Tokens.estimate(sent.get(1).path("content").asText());
      assertThat(out.cost().inputTokens()).isEqualTo(expectedIn);
      assertThat(out.cost().dollars()).isPositive();
    }
  }

  @Test
  void explain_sameFingerprintAgain_comesFromTheCacheForFree() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(GOOD_ANSWER, 1000, 100);
      LlmAnalysis analysis = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE);
      Diagnosis rules = LlmFixtures.rules(LOG);
      analysis.explain(rules, LlmFixtures.lines(LOG), null);

      LlmOutcome again = analysis.explain(rules, LlmFixtures.lines(LOG), null);

      assertThat(again.source()).isEqualTo(LlmOutcome.Source.CACHE);
      assertThat(again.cost()).isEqualTo(dev.cidoctor.model.AnalysisCost.NONE);
      assertThat(again.diagnosis().summary()).startsWith("The data invariant every_order_has_products failed");
      assertThat(again.diagnosis().evidence()).isEqualTo(rules.evidence());
      assertThat(llm.requests()).hasSize(1);
    }
  }

  @Test
  void explain_reactDisabled_sendsOneRequestWithoutTools() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(GOOD_ANSWER, 1000, 100);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm, "ENABLE_REACT", "false"), new InMemoryAnswerCache(),
          KnownFixes.NONE, SpendLedger.NONE).explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), null);

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(llm.requests()).singleElement().satisfies(r -> assertThat(r.has("tools")).isFalse());
      assertThat(llm.requests().get(0).path("messages").get(0).path("content").asText()).contains("no tools are available");
    }
  }

  @Test
  void explain_similarFailures_comeFromTheKnownFixesPort() {
    Diagnosis rules = LlmFixtures.rules(LOG);
    KnownFixes fixes = new InMemoryKnownFixes(List.of(new KnownFix(rules.fingerprint(), "orphan orders in fixtures", "regenerate fixtures with make fixtures", 4)));
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("Seen before?", "similar_failures", "{}", 100, 10).answer(GOOD_ANSWER, 100, 10);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), fixes, SpendLedger.NONE)
          .explain(rules, LlmFixtures.lines(LOG), null);

      assertThat(out.diagnosis().trace()).extracting(ReasoningStep::observation)
          .contains("- orphan orders in fixtures (seen 4 times)\n  fix: regenerate fixtures with make fixtures\n");
    }
  }

  private static List<String> names(JsonNode tools) {
    List<String> out = new ArrayList<>();
    tools.forEach(t -> out.add(t.path("function").path("name").asText()));
    return out;
  }
}
