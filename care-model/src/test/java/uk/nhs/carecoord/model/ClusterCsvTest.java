package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader works on bytes for speed (it splits plain ASCII lines without decoding them);
 * these check it against what the text says: UTF-8 as a strict decoder reads it, and every line
 * split at its commas with each field stripped ({@link String#strip}).
 */
class ClusterCsvTest {
  /** Any bytes are UTF-8 for the reader exactly when a strict decoder accepts them. */
  @Property(tries = 2000)
  void utf8IsWhatAStrictDecoderAccepts(@ForAll("nearlyUtf8") byte[] bytes) {
    assertEquals(strictlyDecodes(bytes), ClusterCsv.isUtf8(bytes, 0, bytes.length), () -> HexFormatted.of(bytes));
  }

  @Test
  void utf8BoundariesOfTheStandardsTable() {
    for (String valid : List.of("", "a", "é", "€", "\uD7FF", "\uE000", "\uFFFD", "\uD800\uDC00", "\uDBFF\uDFFF", "\uFEFFcode")) {
      byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
      assertTrue(ClusterCsv.isUtf8(bytes, 0, bytes.length), valid);
    }
    for (int[] invalid : new int[][] {{0x80}, {0xBF}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2}, {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF},
        {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xEF, 0xBF}, {0xF0, 0x80, 0x80, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF},
        {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xE2, 0x82, 0x41}, {'a', 0xC3}}) {
      byte[] bytes = new byte[invalid.length];
      for (int i = 0; i < invalid.length; i++) {
        bytes[i] = (byte) invalid[i];
      }
      assertFalse(ClusterCsv.isUtf8(bytes, 0, bytes.length), Arrays.toString(invalid));
      assertFalse(strictlyDecodes(bytes), Arrays.toString(invalid));
    }
  }

  /** A file that is not UTF-8 is refused as such (line 0) before any line's fault, wherever the bad byte is. */
  @Test
  void notUtf8IsTheFirstFaultOfAFile() {
    byte[] tooManyFieldsFirst = "code,term\n1,2,3\n52448006,D\u00e9mence\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] unclosedQuoteFirst = "code,term\n1,\"2\n52448006,D\u00e9mence\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] onlyBadByte = "code,term\n52448006,D\u00e9mence\n".getBytes(StandardCharsets.ISO_8859_1);
    for (byte[] bytes : List.of(tooManyFieldsFirst, unclosedQuoteFirst, onlyBadByte)) {
      CodeClusterException e = org.junit.jupiter.api.Assertions.assertThrows(CodeClusterException.class, () -> ClusterCsv.parse("a.csv", bytes));
      assertEquals("a.csv: is not UTF-8 text", e.getMessage());
      assertEquals(0, e.line());
    }
    CodeClusterException lineFault = org.junit.jupiter.api.Assertions.assertThrows(CodeClusterException.class,
        () -> ClusterCsv.parse("a.csv", "code,term\n1,2,3\n52448006,D\u00e9mence\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, lineFault.line());
  }

  /** Any text without quotes reads as its lines split at commas, fields stripped, blank lines skipped, the first the header. */
  @Property(tries = 1000)
  void unquotedLinesAreSplitAtCommasAndStripped(@ForAll("unquotedText") String text) {
    String header = "code,term,a,b,c,d,e,f,g,h";
    String csv = header + "\n" + text;
    ClusterCsv.Table table = ClusterCsv.parse("t.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(header.split(",")), table.header());
    List<String> expected = new ArrayList<>();
    String[] lines = csv.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (!raw.isBlank()) {
        expected.add((i + 1) + ":" + Arrays.stream(raw.split(",", -1)).map(String::strip).toList());
      }
    }
    assertEquals(expected, table.rows().stream().map(r -> r.line() + ":" + r.fields()).toList());
  }

  /**
   * Any line, quoted or not, reads as the plain character-at-a-time reading of the rules below
   * gives it, or fails with the same message: a field whose first non-blank character is a quote
   * is quoted, "" inside quotes is a quote, only white space may follow the closing quote.
   */
  @Property(tries = 2000)
  void quotedLinesReadAsTheRulesSay(@ForAll("quotedLine") String line) {
    String header = "code,term,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t";
    String expected;
    try {
      List<String> fields = referenceFields(line);
      expected = line.isBlank() ? "[]" : fields.size() > 22 ? "too many" : "[2:" + fields + "]";
    } catch (IllegalArgumentException e) {
      expected = "t.csv:2: " + e.getMessage();
    }
    String actual;
    try {
      ClusterCsv.Table table = ClusterCsv.parse("t.csv", (header + "\n" + line).getBytes(StandardCharsets.UTF_8));
      actual = table.rows().stream().map(r -> r.line() + ":" + r.fields()).toList().toString();
    } catch (CodeClusterException e) {
      actual = e.getMessage().contains("fields where the header has") ? "too many" : e.getMessage();
    }
    assertEquals(expected, actual, line);
  }

  @Provide
  Arbitrary<String> quotedLine() {
    return Arbitraries.strings().withChars("\"\"\"\",,, \t\u001Fabé\u2003").ofMaxLength(24);
  }

  /** The reading rules, a character at a time (the reader's first version, kept as the oracle). */
  private static List<String> referenceFields(String raw) {
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
        throw new IllegalArgumentException("text after a closing quote at column " + (i + 1));
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed on its line");
    }
    fields.add(field.toString().strip());
    return fields;
  }

  @Provide
  Arbitrary<String> unquotedText() {
    // ASCII white space of every kind Character.isWhitespace knows (and a few it does not), commas,
    // line ends, and non-ASCII letters and spaces, which send a line through the text reader.
    return Arbitraries.strings().withChars(" \t\u000B\f\r\n\u001C\u001D\u001E\u001F\u0000\u007F,,,,09azAZ-().é\u00A0\u2003\u3000")
        .ofMaxLength(80)
        .filter(t -> t.chars().filter(c -> c == ',').max().isEmpty() || maxCommasPerLine(t) <= 9);
  }

  private static int maxCommasPerLine(String text) {
    int max = 0;
    for (String line : text.split("\n", -1)) {
      max = Math.max(max, (int) line.chars().filter(c -> c == ',').count());
    }
    return max;
  }

  @Provide
  Arbitrary<byte[]> nearlyUtf8() {
    Arbitrary<byte[]> encoded = Arbitraries.strings().all().ofMaxLength(12).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> corrupted = encoded.filter(b -> b.length > 0).flatMap(b -> Arbitraries.integers().between(0, b.length - 1)
        .flatMap(i -> Arbitraries.integers().between(0, 255).map(v -> {
          byte[] copy = b.clone();
          copy[i] = (byte) (int) v;
          return copy;
        })));
    Arbitrary<byte[]> truncated = encoded.filter(b -> b.length > 0).flatMap(b -> Arbitraries.integers().between(0, b.length - 1)
        .map(n -> Arrays.copyOf(b, n)));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
    Arbitrary<byte[]> highBytes = Arbitraries.integers().between(0x80, 0xFF).map(i -> (byte) (int) i).array(byte[].class).ofMinSize(1).ofMaxSize(4);
    return Arbitraries.oneOf(encoded, corrupted, truncated, random, highBytes);
  }

  private static boolean strictlyDecodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static final class HexFormatted {
    static String of(byte[] bytes) {
      return java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
  }
}
