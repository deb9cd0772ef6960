package dev.cidoctor.llm;

import dev.cidoctor.model.Diagnosis;
import java.util.Optional;

/** Remembers the model's validated answer per failure fingerprint, so a recurring failure costs nothing. */
public interface AnswerCache {

  Optional<CachedAnswer> get(String fingerprint);

  void put(String fingerprint, CachedAnswer answer);

  /** A validated answer and the model that gave it. */
  record CachedAnswer(Diagnosis diagnosis, String model) {}
}
