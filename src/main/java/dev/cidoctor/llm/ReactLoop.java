package dev.cidoctor.llm;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.ReasoningStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One investigation: Thought, Action, Observation until the model answers, bounded by the step,
 * token and dollar budgets. An answer whose evidence does not check out is sent back once; after
 * that, or when the model fails, the rules' diagnosis stands. Not thread-safe; one per analysis.
 */
final class ReactLoop {
  private static final int TRACE_OBSERVATION_CHARS = 600;

  private final LanguageModel model;
  private final LlmSettings settings;
  private final Pricing pricing;
  private final LlmAnalysis.Sleeper sleeper;
  private final List<ReasoningStep> steps = new ArrayList<>();
  private long inputTokens;
  private long outputTokens;
  private String answeredBy;

  ReactLoop(LanguageModel model, LlmSettings settings, Pricing pricing, LlmAnalysis.Sleeper sleeper) {
    this.model = model;
    this.settings = settings;
    this.pricing = pricing;
    this.sleeper = sleeper;
    this.answeredBy = model.name();
  }

  LlmOutcome run(Diagnosis rules, LogLines log, Toolbox toolbox) {
    long started = System.nanoTime();
    List<ToolSpec> tools = settings.react() ? toolbox.specs() : List.of();
    String context = ContextWindow.extract(log, rules, settings.maxLogLength());
    List<Message> messages = new ArrayList<>();
    messages.add(new Message.System(Prompts.system(!tools.isEmpty())));
    messages.add(new Message.User(Prompts.task(rules, context, log.count(), tools)));
    boolean askedAgain = false;
    boolean toldLast = false;
    // the last call offers no tools; a rejected answer earns exactly one more call
    int maxCalls = settings.react() ? settings.maxSteps() : 1;
    for (int call = 1; call <= maxCalls; call++) {
      String over = overBudget();
      if (over != null) {
        return fallback(rules, started, over);
      }
      boolean last = call >= maxCalls;
      if (last && settings.react() && call > 1 && !toldLast) {
        messages.add(new Message.User(Prompts.LAST_STEP));
        toldLast = true;
      }
      Reply reply;
      try {
        reply = ask(messages, last ? List.of() : tools);
      } catch (LlmException e) {
        return fallback(rules, started, "the model failed: " + e.getMessage());
      }
      account(messages, reply);
      if (!reply.calls().isEmpty() && !last && !tools.isEmpty()) {
        messages.add(new Message.Assistant(reply.text(), reply.calls()));
        String thought = reply.text().isBlank() ? "(the model gave no thought)" : reply.text().strip();
        for (ToolCall c : reply.calls()) {
          String observation = toolbox.run(c);
          messages.add(new Message.ToolResult(c, observation));
          steps.add(new ReasoningStep(Toolbox.cut(thought, 400), c.name() + "(" + Toolbox.cut(c.arguments(), 200) + ")",
              Toolbox.cut(observation, TRACE_OBSERVATION_CHARS)));
        }
        continue;
      }
      Answer.Result parsed = Answer.parse(reply.text(), log);
      if (parsed.ok()) {
        return new LlmOutcome(toDiagnosis(rules, parsed.answer(), log), answeredBy, cost(started), LlmOutcome.Source.MODEL, null);
      }
      steps.add(new ReasoningStep("Checking the model's answer against the log.", "validate",
          "rejected: " + String.join("; ", parsed.problems())));
      if (askedAgain) {
        return fallback(rules, started, "the model's answer was rejected twice (" + String.join("; ", parsed.problems()) + ")");
      }
      askedAgain = true;
      messages.add(new Message.Assistant(reply.text(), List.of()));
      messages.add(new Message.User(Prompts.rejected(parsed.problems())));
      maxCalls = Math.max(maxCalls, call + 1);
    }
    return fallback(rules, started, "MAX_REASONING_STEPS (" + settings.maxSteps() + ") reached without an answer");
  }

  private Reply ask(List<Message> messages, List<ToolSpec> tools) {
    LlmException last = null;
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      if (attempt > 0) {
        try {
          sleeper.sleep(Duration.ofSeconds(1L << Math.min(attempt - 1, 4)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LlmException(LlmException.Kind.OTHER, "interrupted while waiting to retry", e);
        }
      }
      try {
        return model.reply(List.copyOf(messages), tools);
      } catch (LlmException e) {
        last = e;
        if (!e.kind().retryable()) {
          throw e;
        }
        steps.add(new ReasoningStep("Asking the model.", "retry", e.getMessage()));
      }
    }
    throw new LlmException(last.kind(), last.getMessage() + " (tried " + (settings.retries() + 1) + " times)", last);
  }

  private void account(List<Message> sent, Reply reply) {
    if (reply.model() != null && !reply.model().isBlank()) {
      answeredBy = reply.model();
    }
    if (reply.usageReported()) {
      inputTokens += reply.inputTokens();
      outputTokens += reply.outputTokens();
      return;
    }
    long in = 0;
    for (Message m : sent) {
      in += Tokens.estimate(switch (m) {
        case Message.System s -> s.text();
        case Message.User u -> u.text();
        case Message.Assistant a -> a.text() + a.calls().stream().map(c -> c.name() + c.arguments()).reduce("", String::concat);
        case Message.ToolResult r -> r.text();
      });
    }
    inputTokens += in;
    for (ToolCall c : reply.calls()) {
      outputTokens += Tokens.estimate(c.name()) + Tokens.estimate(c.arguments());
    }
    outputTokens += Tokens.estimate(reply.text());
  }

  private String overBudget() {
    if (inputTokens + outputTokens >= settings.maxTokens()) {
      return "the token budget (LLM_MAX_TOKENS=" + settings.maxTokens() + ") is spent: " + (inputTokens + outputTokens) + " tokens";
    }
    double dollars = pricing.dollars(answeredBy, inputTokens, outputTokens);
    if (dollars >= settings.maxDollars()) {
      return String.format(java.util.Locale.ROOT, "the cost budget (LLM_MAX_COST=%.2f) is spent: $%.4f", settings.maxDollars(), dollars);
    }
    return null;
  }

  private AnalysisCost cost(long started) {
    return new AnalysisCost(pricing.dollars(answeredBy, inputTokens, outputTokens), inputTokens, outputTokens,
        (System.nanoTime() - started) / 1_000_000);
  }

  private LlmOutcome fallback(Diagnosis rules, long started, String why) {
    steps.add(new ReasoningStep("The model's answer cannot be used.", "fall back to the rules", why));
    return new LlmOutcome(withTrace(rules, rules.evidence()), answeredBy, cost(started), LlmOutcome.Source.RULES, why);
  }

  private Diagnosis withTrace(Diagnosis d, List<Evidence> evidence) {
    List<ReasoningStep> trace = new ArrayList<>(d.trace());
    trace.addAll(steps);
    return new Diagnosis(d.input(), d.job(), d.category(), d.severity(), d.transientFailure(), d.summary(), d.suggestion(),
        d.ruleId(), d.confidence(), evidence, d.failedStep(), d.failedTests(), d.fingerprint(), trace);
  }

  private Diagnosis toDiagnosis(Diagnosis rules, Answer a, LogLines log) {
    String entry = rules.primary() == null ? null : rules.primary().entry();
    List<Evidence> evidence = new ArrayList<>();
    for (Answer.Cited c : a.evidence()) {
      evidence.add(new Evidence(entry, c.line(), log.line(c.line())));
    }
    List<ReasoningStep> trace = new ArrayList<>(rules.trace());
    trace.addAll(steps);
    return new Diagnosis(rules.input(), rules.job(), a.category(), a.severity(), a.transientFailure(), a.rootCause(),
        a.suggestion(), rules.ruleId(), a.confidence(), evidence, rules.failedStep(), rules.failedTests(), rules.fingerprint(), trace);
  }
}
