/**
 * The public Java API: a monitor built from a token, repositories and an optional LLM key, which
 * analyzes one workflow run or watches the repositories. It wires the adapters like the command
 * line does.
 */
package dev.cidoctor.api;
