/**
 * Adapts OpenAI (and OpenAI-compatible endpoints), Anthropic and Ollama chat models from LangChain4j
 * to the {@code llm.LanguageModel} port. Nothing outside this package names a LangChain4j type, so the
 * library is loaded only when a model is configured and actually asked.
 */
package dev.cidoctor.llm.langchain4j;
