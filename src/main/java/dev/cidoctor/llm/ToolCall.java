package dev.cidoctor.llm;

/** A tool the model asked to run: the provider's call id, the tool name and its raw JSON arguments. */
public record ToolCall(String id, String name, String arguments) {}
