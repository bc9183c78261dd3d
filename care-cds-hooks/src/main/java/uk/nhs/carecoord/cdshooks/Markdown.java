package uk.nhs.carecoord.cdshooks;

/** Escaping for text placed in a card's GitHub-flavoured markdown {@code detail}. */
final class Markdown {
  private Markdown() {}

  /**
   * Escapes the characters markdown gives a meaning to within a line, and flattens line breaks, so
   * rule text and facts render as written and cannot inject links, images, HTML or table cells.
   * Text is always placed after a prefix of ours, so line-start markers ({@code #}, {@code -})
   * need no escaping.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '|', '<', '>', '~' -> b.append('\\').append(c);
        case '\r', '\n', '\t' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
