package uk.nhs.carecoord.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CSV that OpenCodelists publishes (RFC 4180: a header line, comma-separated fields,
 * double-quoted fields that may hold commas and doubled quotes), tolerating a byte-order mark, CRLF
 * line ends, blank lines and spaces around fields. Every row keeps its 1-based line number.
 */
final class ClusterCsv {
  private ClusterCsv() {}

  /** A data row: its line in the file and its fields, trimmed. */
  record Row(int line, List<String> fields) {
    String field(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }
  }

  /** A parsed file: the header's column names (lower case) and its data rows. */
  record Table(String file, List<String> header, List<Row> rows) {
    /** The index of a named column; -1 if absent. */
    int column(String name) {
      return header.indexOf(name);
    }

    int requireColumn(String name) {
      int i = column(name);
      if (i < 0) {
        throw new CodeClusterException(file, 1, List.of(), "header has no '" + name + "' column, was: " + String.join(",", header));
      }
      return i;
    }
  }

  static Table parse(String file, String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    int line = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      line++;
      String raw = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      start = end + 1;
      if (raw.isBlank()) {
        continue;
      }
      List<String> fields = fields(file, line, raw);
      if (header == null) {
        header = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
      } else {
        if (fields.size() > header.size()) {
          throw new CodeClusterException(file, line, List.of(),
              fields.size() + " fields where the header has " + header.size() + " (quote a term that holds a comma)");
        }
        rows.add(new Row(line, fields));
      }
    }
    if (header == null) {
      throw new CodeClusterException(file, 0, List.of(), "is empty: expected a header line such as 'code,term'");
    }
    return new Table(file, header, rows);
  }

  /** Splits one line into fields: commas outside double quotes separate; "" inside quotes is a quote. */
  private static List<String> fields(String file, int line, String raw) {
    if (raw.indexOf('"') < 0) { // most lines: no quoting, so split on commas
      List<String> fields = new ArrayList<>(3);
      int from = 0;
      for (int comma = raw.indexOf(','); comma >= 0; comma = raw.indexOf(',', from)) {
        fields.add(raw.substring(from, comma).strip());
        from = comma + 1;
      }
      fields.add(raw.substring(from).strip());
      return fields;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (c == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new CodeClusterException(file, line, List.of(), "text after a closing quote at column " + (i + 1));
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new CodeClusterException(file, line, List.of(), "a quoted field is not closed on its line");
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
