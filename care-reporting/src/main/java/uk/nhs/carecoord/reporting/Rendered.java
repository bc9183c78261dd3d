package uk.nhs.carecoord.reporting;

import java.util.List;

/** A report's value with the section that made it and knows how to write it. */
record Rendered<R>(Section<R> section, R value) {

  String jsonFile() {
    return section.jsonFile();
  }

  List<CsvTable> csv(Labels labels) {
    return section.csv(value, labels);
  }

  void html(Labels labels, StringBuilder page) {
    section.html(value, labels, page);
  }

  /** Finishes a tally into its rendered report. */
  static <R> Rendered<R> finish(Section<R> section, Section.Tally<R> tally) {
    return new Rendered<>(section, tally.finish());
  }
}
