package dev.cidoctor.llm;

import java.util.List;

/** Describes one tool to the model: its name, what it does and its parameters (strings and integers). */
public record ToolSpec(String name, String description, List<Param> params) {
  public ToolSpec {
    params = List.copyOf(params);
  }

  /** One parameter; {@code integer} false means a string. */
  public record Param(String name, boolean integer, String description, boolean required) {}
}
