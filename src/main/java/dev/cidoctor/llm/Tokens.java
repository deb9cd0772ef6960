package dev.cidoctor.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens where a provider reports none, with OpenAI's o200k_base tokenizer (GPT-4o's). Other
 * vendors tokenize differently, so for them this is an estimate; the provider's own usage always
 * wins when it is reported. The encoding is loaded on first use only.
 */
public final class Tokens {
  private Tokens() {}

  private static final class Holder {
    static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  }

  public static long estimate(CharSequence text) {
    return text == null || text.isEmpty() ? 0 : Holder.O200K.countTokensOrdinary(text.toString());
  }
}
