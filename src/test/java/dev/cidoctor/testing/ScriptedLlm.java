package dev.cidoctor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A chat model on loopback that speaks the real OpenAI chat-completions, Anthropic messages or Ollama chat protocol
 * and replays a scripted transcript: tool calls, answers, error statuses and stalls, in order. It
 * records every request body so tests can check what the client really sent.
 */
public final class ScriptedLlm implements AutoCloseable {
  /** The wire protocol served. */
  public enum Protocol { OPENAI, ANTHROPIC, OLLAMA }

  private record Turn(int status, String body, Duration stall) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Protocol protocol;
  private final String model;
  private final HttpServer server;
  private final Deque<Turn> script = new ArrayDeque<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private int ids;
  private boolean usage = true;

  private ScriptedLlm(Protocol protocol, String model) {
    this.protocol = protocol;
    this.model = model;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "scripted-llm");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  public static ScriptedLlm openAi() {
    return new ScriptedLlm(Protocol.OPENAI, "gpt-4o-mini-2024-07-18");
  }

  public static ScriptedLlm anthropic() {
    return new ScriptedLlm(Protocol.ANTHROPIC, "claude-3-5-haiku-20241022");
  }

  public static ScriptedLlm ollama() {
    return new ScriptedLlm(Protocol.OLLAMA, "llama3.1:8b");
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The base URL to give the client: {@code http://127.0.0.1:PORT/v1} (without {@code /v1} for Ollama). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + (protocol == Protocol.OLLAMA ? "" : "/v1");
  }

  /** Scripts a turn where the model thinks aloud and calls one tool with raw JSON arguments. */
  public ScriptedLlm toolCall(String thought, String tool, String arguments, int inputTokens, int outputTokens) {
    script.add(new Turn(200, switch (protocol) {
      case OPENAI -> openAi(thought, tool, arguments, inputTokens, outputTokens);
      case ANTHROPIC -> anthropic(thought, tool, arguments, inputTokens, outputTokens);
      case OLLAMA -> ollama(thought, tool, arguments, inputTokens, outputTokens);
    }, null));
    return this;
  }

  /** Leaves the usage out of the answers scripted after this call, as some compatible servers do. */
  public ScriptedLlm withoutUsage() {
    usage = false;
    return this;
  }

  /** Scripts a final text answer. */
  public ScriptedLlm answer(String text, int inputTokens, int outputTokens) {
    return toolCall(text, null, null, inputTokens, outputTokens);
  }

  /** Scripts an error status with the provider's error body (429 rate limit, 500 ...). */
  public ScriptedLlm status(int status) {
    String body = protocol == Protocol.OPENAI
        ? "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini in organization org-x on tokens per min.\",\"type\":\"tokens\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}"
        : "{\"type\":\"error\",\"error\":{\"type\":\"" + (status == 429 ? "rate_limit_error" : "api_error") + "\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}";
    script.add(new Turn(status, body, null));
    return this;
  }

  /** Scripts a turn that answers only after {@code stall}, so a client with a shorter timeout gives up. */
  public ScriptedLlm stall(Duration stall) {
    script.add(new Turn(200, openAi("late", null, null, 1, 1), stall));
    return this;
  }

  /** The JSON bodies received, in order. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<String> paths() {
    return List.copyOf(paths);
  }

  /** Turns scripted but not yet served. */
  public synchronized int remaining() {
    return script.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    Turn turn;
    synchronized (this) {
      paths.add(ex.getRequestURI().getPath());
      requests.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
      turn = script.poll();
    }
    if (turn == null) {
      turn = new Turn(500, "{\"error\":{\"message\":\"the script has no more turns\"}}", null);
    }
    if (turn.stall() != null) {
      try {
        Thread.sleep(turn.stall().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = turn.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(turn.status(), bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client gave up (timeout); nothing to answer
    } finally {
      ex.close();
    }
  }

  private String openAi(String text, String tool, String arguments, int in, int out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-" + (++ids));
    root.put("object", "chat.completion");
    root.put("created", 1714644000L);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode msg = choice.putObject("message");
    msg.put("role", "assistant");
    if (text == null) {
      msg.putNull("content");
    } else {
      msg.put("content", text);
    }
    if (tool != null) {
      ObjectNode call = msg.putArray("tool_calls").addObject();
      call.put("id", "call_" + ids);
      call.put("type", "function");
      call.putObject("function").put("name", tool).put("arguments", arguments);
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", tool == null ? "stop" : "tool_calls");
    if (usage) {
      root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
    }
    root.put("system_fingerprint", "fp_scripted");
    return root.toString();
  }

  private String ollama(String text, String tool, String arguments, int in, int out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    root.put("created_at", "2024-05-02T10:05:00.000000Z");
    ObjectNode msg = root.putObject("message");
    msg.put("role", "assistant");
    msg.put("content", text == null ? "" : text);
    if (tool != null) {
      ObjectNode fn = msg.putArray("tool_calls").addObject().putObject("function");
      fn.put("name", tool);
      try {
        fn.set("arguments", JSON.readTree(arguments));
      } catch (IOException e) {
        fn.put("arguments", arguments);
      }
    }
    root.put("done_reason", "stop");
    root.put("done", true);
    if (usage) {
      root.put("prompt_eval_count", in);
      root.put("eval_count", out);
    }
    return root.toString();
  }

  private String anthropic(String text, String tool, String arguments, int in, int out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "msg_" + (++ids));
    root.put("type", "message");
    root.put("role", "assistant");
    root.put("model", model);
    ArrayNode content = root.putArray("content");
    if (text != null) {
      content.addObject().put("type", "text").put("text", text);
    }
    if (tool != null) {
      ObjectNode use = content.addObject();
      use.put("type", "tool_use");
      use.put("id", "toolu_" + ids);
      use.put("name", tool);
      try {
        use.set("input", JSON.readTree(arguments));
      } catch (IOException e) {
        use.put("input", arguments); // a malformed call: Anthropic's input is then not an object
      }
    }
    root.put("stop_reason", tool == null ? "end_turn" : "tool_use");
    root.putNull("stop_sequence");
    root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
    return root.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
