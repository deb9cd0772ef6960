package dev.cidoctor.llm.langchain4j;

import dev.cidoctor.llm.LanguageModel;
import dev.cidoctor.llm.LlmException;
import dev.cidoctor.llm.Message;
import dev.cidoctor.llm.Reply;
import dev.cidoctor.llm.ToolCall;
import dev.cidoctor.llm.ToolSpec;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** Converts between the loop's messages and LangChain4j's, and LangChain4j's failures into {@link LlmException}s. */
final class LangChainModel implements LanguageModel {
  private final ChatModel chat;
  private final String provider;
  private final String name;

  LangChainModel(ChatModel chat, String provider, String name) {
    this.chat = chat;
    this.provider = provider;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Reply reply(List<Message> messages, List<ToolSpec> tools) {
    ChatRequest.Builder req = ChatRequest.builder().messages(convert(messages));
    if (!tools.isEmpty()) {
      req.toolSpecifications(tools.stream().map(LangChainModel::spec).toList());
    }
    ChatResponse r;
    try {
      r = chat.chat(req.build());
    } catch (RuntimeException e) {
      throw translate(e);
    }
    AiMessage ai = r.aiMessage();
    List<ToolCall> calls = new ArrayList<>();
    if (ai.hasToolExecutionRequests()) {
      for (ToolExecutionRequest t : ai.toolExecutionRequests()) {
        calls.add(new ToolCall(t.id(), t.name(), t.arguments()));
      }
    }
    TokenUsage u = r.tokenUsage();
    boolean reported = u != null && u.inputTokenCount() != null && u.outputTokenCount() != null;
    return new Reply(ai.text(), calls, r.modelName(), reported ? u.inputTokenCount() : 0, reported ? u.outputTokenCount() : 0, reported);
  }

  private static List<ChatMessage> convert(List<Message> messages) {
    List<ChatMessage> out = new ArrayList<>();
    for (Message m : messages) {
      out.add(switch (m) {
        case Message.System s -> SystemMessage.from(s.text());
        case Message.User u -> UserMessage.from(u.text());
        case Message.Assistant a -> {
          List<ToolExecutionRequest> reqs = a.calls().stream()
              .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build()).toList();
          if (reqs.isEmpty()) {
            yield AiMessage.from(a.text());
          }
          yield a.text() == null || a.text().isBlank() ? AiMessage.from(reqs) : AiMessage.from(a.text(), reqs);
        }
        case Message.ToolResult r -> ToolExecutionResultMessage.from(r.call().id(), r.call().name(), r.text());
      });
    }
    return out;
  }

  private static ToolSpecification spec(ToolSpec t) {
    JsonObjectSchema.Builder params = JsonObjectSchema.builder();
    List<String> required = new ArrayList<>();
    for (ToolSpec.Param p : t.params()) {
      if (p.integer()) {
        params.addIntegerProperty(p.name(), p.description());
      } else {
        params.addStringProperty(p.name(), p.description());
      }
      if (p.required()) {
        required.add(p.name());
      }
    }
    if (!required.isEmpty()) {
      params.required(required);
    }
    return ToolSpecification.builder().name(t.name()).description(t.description()).parameters(params.build()).build();
  }

  /** Names the provider and the status; the key never appears (LangChain4j does not put it in messages). */
  private LlmException translate(RuntimeException e) {
    String what = provider + " (" + name + ")";
    if (e instanceof RateLimitException) {
      return new LlmException(LlmException.Kind.RATE_LIMITED, what + " answered 429 Too Many Requests", e);
    }
    if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class) || hasCause(e, java.net.SocketTimeoutException.class)) {
      return new LlmException(LlmException.Kind.TIMEOUT, what + " did not answer in time", e);
    }
    if (e instanceof AuthenticationException) {
      return new LlmException(LlmException.Kind.UNAUTHORIZED, what + " refused the API key (401/403); check the key's variable", e);
    }
    if (e instanceof InternalServerException) {
      return new LlmException(LlmException.Kind.SERVER, what + " had a server error", e);
    }
    if (e instanceof HttpException h) {
      LlmException.Kind k = h.statusCode() == 429 ? LlmException.Kind.RATE_LIMITED
          : h.statusCode() >= 500 ? LlmException.Kind.SERVER : LlmException.Kind.REJECTED;
      return new LlmException(k, what + " answered HTTP " + h.statusCode(), e);
    }
    if (hasCause(e, java.net.ConnectException.class)) {
      return new LlmException(LlmException.Kind.SERVER, what + " cannot be reached", e);
    }
    return new LlmException(LlmException.Kind.OTHER, what + " failed: " + e.getClass().getSimpleName(), e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
