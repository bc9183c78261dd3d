package uk.nhs.carecoord.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Parses a file's bytes, which must be UTF-8. Most lines of a published list are ASCII without
   * quotes; those are split and trimmed on the bytes in one pass, without decoding the file to a
   * string first: the built-in lists are loaded in a fresh JVM, before the JIT has compiled much,
   * where every pass over the text counts. Any other line is checked as UTF-8, decoded and read by
   * {@link #fields}. Both give the same fields: for ASCII, a byte is white space exactly when
   * {@link Character#isWhitespace} says so.
   *
   * @throws CodeClusterException if the bytes are not UTF-8 (line 0; this first, as if the whole
   *     file had been decoded before reading it), or naming the line of a malformed one
   */
  static Table parse(String file, byte[] bytes) {
    try {
      return read(file, bytes);
    } catch (CodeClusterException e) {
      if (!isUtf8(bytes, 0, bytes.length)) {
        throw notUtf8(file);
      }
      throw e;
    }
  }

  private static CodeClusterException notUtf8(String file) {
    return new CodeClusterException(file, 0, List.of(), "is not UTF-8 text");
  }

  private static Table read(String file, byte[] bytes) {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    int line = 0;
    LineScan scan = new LineScan(bytes);
    while (scan.next()) {
      line++;
      List<String> fields;
      if (scan.ascii && !scan.quoted) {
        fields = plainFields(bytes, scan.from, scan.stop, scan.commas, scan.commaCount);
        if (fields == null) {
          continue; // blank
        }
      } else {
        if (!scan.ascii && !isUtf8(bytes, scan.from, scan.stop)) {
          throw notUtf8(file);
        }
        String raw = new String(bytes, scan.from, scan.stop - scan.from, StandardCharsets.UTF_8);
        if (raw.isBlank()) {
          continue;
        }
        fields = fields(file, line, raw);
      }
      if (header == null) {
        List<String> names = new ArrayList<>(fields.size());
        for (String f : fields) {
          names.add(f.toLowerCase(Locale.ROOT));
        }
        header = List.copyOf(names);
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

  /**
   * Finds the lines of a file's bytes one call at a time, noting where a line's commas are and
   * whether it holds a quote or a non-ASCII byte. A method called once a line, not a loop over the
   * whole file, so that the JIT compiles it after a hundred lines or so rather than leaving most of
   * the file to the interpreter (it compiles a long-running loop only after tens of thousands of
   * turns).
   */
  private static final class LineScan {
    private final byte[] bytes;
    private int next;
    /** The current line: {@code bytes[from, stop)}, without its line end. */
    int from;
    int stop;
    int[] commas = new int[4];
    int commaCount;
    boolean quoted;
    boolean ascii;

    LineScan(byte[] bytes) {
      this.bytes = bytes;
      boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
      this.next = bom ? 3 : 0;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() {
      int n = bytes.length;
      int start = next;
      if (start >= n) {
        return false;
      }
      int end = start;
      commaCount = 0;
      quoted = false;
      ascii = true;
      for (; end < n; end++) {
        byte b = bytes[end];
        if (b > ',') { // letters, digits and most punctuation: one comparison
          continue;
        }
        if (b == '\n') {
          break;
        }
        if (b == ',') {
          if (commaCount == commas.length) {
            commas = Arrays.copyOf(commas, 2 * commaCount);
          }
          commas[commaCount++] = end;
        } else if (b == '"') {
          quoted = true;
        } else if (b < 0) {
          ascii = false;
        }
      }
      from = start;
      stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      next = end + 1;
      return true;
    }
  }

  /**
   * Whether {@code bytes[from, to)} are well-formed UTF-8 (the Unicode standard's table 3-7: no overlong forms,
   * surrogates or code points above U+10FFFF), as a strict {@code CharsetDecoder} would accept them.
   */
  static boolean isUtf8(byte[] bytes, int from, int to) {
    int n = to;
    int i = from;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int more;
      int min = 0x80; // the allowed range of the second byte
      int max = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        more = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        more = 2;
        min = b == 0xE0 ? 0xA0 : 0x80;
        max = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        more = 3;
        min = b == 0xF0 ? 0x90 : 0x80;
        max = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false; // a continuation byte first, an overlong C0/C1 lead, or F5-FF
      }
      if (i + more >= n) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < min || second > max) {
        return false;
      }
      for (int k = 2; k <= more; k++) {
        int c = bytes[i + k] & 0xFF;
        if (c < 0x80 || c > 0xBF) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
  }

  /**
   * The trimmed fields of an ASCII line without quotes in {@code bytes[from, to)}, separated by the
   * commas at the given positions; null if the line is blank.
   */
  private static List<String> plainFields(byte[] bytes, int from, int to, int[] commas, int commaCount) {
    List<String> fields = new ArrayList<>(commaCount + 1);
    int fieldStart = from;
    for (int k = 0; k <= commaCount; k++) {
      int a = fieldStart;
      int b = k < commaCount ? commas[k] : to;
      fieldStart = b + 1;
      while (a < b && isAsciiWhitespace(bytes[a])) {
        a++;
      }
      while (b > a && isAsciiWhitespace(bytes[b - 1])) {
        b--;
      }
      if (commaCount == 0 && a == b) {
        return null; // no comma and nothing but white space
      }
      fields.add(new String(bytes, a, b - a, StandardCharsets.ISO_8859_1));
    }
    return fields;
  }

  /** {@link Character#isWhitespace} for an ASCII byte: tab to carriage return, the separators 28-31, space. */
  private static boolean isAsciiWhitespace(byte b) {
    return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
  }

  /**
   * Splits one line into fields: commas outside double quotes separate; a field whose first
   * non-blank character is a quote is quoted, "" inside quotes is a quote, and only white space may
   * follow its closing quote. Fields are stripped. Whole runs are found with {@link String#indexOf}
   * rather than a character at a time (see {@link #parse}).
   */
  private static List<String> fields(String file, int line, String raw) {
    List<String> fields = new ArrayList<>(3);
    int n = raw.length();
    int i = 0; // the start of the current field
    while (true) {
      int first = i;
      while (first < n && Character.isWhitespace(raw.charAt(first))) {
        first++;
      }
      int end; // the comma after the field, or n
      if (first < n && raw.charAt(first) == '"') {
        StringBuilder unescaped = null; // only for a field with "" in it
        int from = first + 1;
        int quote;
        while (true) {
          quote = raw.indexOf('"', from);
          if (quote < 0) {
            throw new CodeClusterException(file, line, List.of(), "a quoted field is not closed on its line");
          }
          if (quote + 1 >= n || raw.charAt(quote + 1) != '"') {
            break;
          }
          if (unescaped == null) {
            unescaped = new StringBuilder();
          }
          unescaped.append(raw, from, quote + 1); // up to and with one of the two quotes
          from = quote + 2;
        }
        String quoted = unescaped == null ? raw.substring(from, quote) : unescaped.append(raw, from, quote).toString();
        end = quote + 1;
        while (end < n && raw.charAt(end) != ',') {
          if (!Character.isWhitespace(raw.charAt(end))) {
            throw new CodeClusterException(file, line, List.of(), "text after a closing quote at column " + (end + 1));
          }
          end++;
        }
        fields.add(quoted.strip());
      } else {
        end = raw.indexOf(',', first);
        if (end < 0) {
          end = n;
        }
        fields.add(raw.substring(i, end).strip());
      }
      if (end >= n) {
        return fields;
      }
      i = end + 1;
    }
  }
}
