package dev.cidoctor.llm;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps answers for the life of the process; the monitor's default until the pattern store holds them. */
public final class InMemoryAnswerCache implements AnswerCache {
  private final ConcurrentHashMap<String, CachedAnswer> answers = new ConcurrentHashMap<>();

  @Override
  public Optional<CachedAnswer> get(String fingerprint) {
    return Optional.ofNullable(answers.get(fingerprint));
  }

  @Override
  public void put(String fingerprint, CachedAnswer answer) {
    answers.put(fingerprint, answer);
  }
}
