package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV cells never reach a spreadsheet as formulas, and nothing else about them changes. */
class CsvWriterTest {
  @Provide
  Arbitrary<List<String>> rows() {
    Arbitrary<String> formulaLike = Arbitraries.strings().withChars("=+-@\t\r0123456789.eE aZ(),;\"'\n").ofMaxLength(10);
    return Arbitraries.oneOf(formulaLike, Arbitraries.strings().ofMaxLength(10)).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 500)
  void noCellIsReadAsAFormulaAndNoneLosesAnything(@ForAll("rows") List<String> row) throws IOException {
    List<String> header = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      header.add("c" + i);
    }
    List<String> read = readBack(new CsvTable("t.csv", header, List.of(row))).get(1);
    for (int i = 0; i < row.size(); i++) {
      String original = row.get(i);
      String cell = read.get(i);
      if (!cell.isEmpty() && CsvWriter.FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
        assertTrue(isNumber(cell), () -> "written as a formula: " + cell);
      }
      if (!cell.equals(original)) {
        assertEquals("'" + original, cell);
        assertTrue(CsvWriter.FORMULA_STARTS.indexOf(original.charAt(0)) >= 0, original);
      }
    }
  }

  @Test
  void formulasAreShownAsTextAndNumbersStayNumbers() throws IOException {
    List<String> row = List.of("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+44 20", "-3", "-0.75", "+2", "Dr Jones", "");
    List<String> header = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    assertEquals(List.of("'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)", "'+44 20", "-3", "-0.75", "+2", "Dr Jones", ""),
        readBack(new CsvTable("t.csv", header, List.of(row))).get(1));
    assertEquals(List.of("'=x"), readBack(new CsvTable("t.csv", List.of("=x"), List.of())).get(0), "headers too");
  }

  private static List<List<String>> readBack(CsvTable table) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(CsvWriter.toText(table)), CsvWriter.FORMAT)) {
      return parser.getRecords().stream().map(CSVRecord::toList).toList();
    }
  }

  private static boolean isNumber(String cell) {
    try {
      new BigDecimal(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
