package uk.nhs.carecoord.reporting;

/** Escaping for HTML and SVG text and attribute values. */
final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} so any text is safe in element content and quoted attributes. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table cell. */
  static String td(String text) {
    return "<td>" + esc(text) + "</td>";
  }

  /** A header cell. */
  static String th(String text) {
    return "<th scope=\"col\">" + esc(text) + "</th>";
  }

  /** A right-aligned cell holding a count or its marker. */
  static void number(StringBuilder b, Count n) {
    b.append("<td class=\"n\">").append(esc(n.display())).append("</td>");
  }
}
