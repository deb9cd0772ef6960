/**
 * Asks a language model to explain a failed CI log when the rule engine is unsure: a ReAct loop with
 * read-only, validated, size-limited tools, a token and dollar budget, and an answer validated against
 * the log before it replaces the engine's. Depends on model, on analysis (redaction, fingerprints,
 * bounded regex matching), on logs (reading lines) and on the ci port for the GitHub-only tools;
 * providers live in {@code llm.langchain4j}, the only place LangChain4j is named.
 */
package dev.cidoctor.llm;
