package vn.onestop.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text folded for searching: lower case, diacritics removed, đ → d, whitespace collapsed,
 * so that "Khai sinh", "khai sinh" and "khai sinh" compare equal. Citizens often type without
 * diacritics (telex off on the phone).
 */
public record FoldedText(String value) {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Folds the given text; {@code null} folds to the empty text. */
  public static FoldedText of(String text) {
    if (text == null) {
      return new FoldedText("");
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return new FoldedText(SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
  }

  /** Whether every word of {@code query} occurs in this text. */
  public boolean containsAllWords(FoldedText query) {
    if (query.value.isEmpty()) {
      return true;
    }
    for (String word : query.value.split(" ")) {
      if (!value.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
