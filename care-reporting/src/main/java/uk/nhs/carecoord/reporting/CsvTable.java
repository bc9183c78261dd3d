package uk.nhs.carecoord.reporting;

import java.util.List;

/** One CSV file: its name, header and rows of text cells. */
record CsvTable(String fileName, List<String> header, List<List<String>> rows) {
  CsvTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(fileName + ": row " + row + " does not match header " + header);
      }
    }
  }
}
