package uk.nhs.carecoord.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ExternalSortTest {
  private static final ExternalSort.Codec<String> STRINGS =
      new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, String value) throws IOException {
          ExternalSort.writeString(out, value);
        }

        @Override
        public String read(DataInputStream in) throws IOException {
          return ExternalSort.readString(in);
        }
      };

  /** Whatever the run size, the merge gives every value once, in order, as often as asked. */
  @Property(tries = 100)
  void mergesRunsIntoOneOrder(
      @ForAll @Size(max = 200) List<String> values, @ForAll @IntRange(min = 1, max = 20) int run) throws IOException {
    Path root = Files.createTempDirectory("external-sort-test");
    try (ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, run, root, "t-")) {
      values.forEach(sort::add);
      assertEquals(values.size() / run, sort.runs());
      List<String> expected = values.stream().sorted().toList();
      for (int pass = 0; pass < 2; pass++) {
        List<String> merged = new ArrayList<>();
        sort.forEach(merged::add);
        assertEquals(expected, merged);
      }
      assertEquals(values.size(), sort.size());
    }
    try (Stream<Path> left = Files.list(root)) {
      assertEquals(0, left.count(), "run files are deleted on close");
    }
    Files.delete(root);
  }

  @Property(tries = 20)
  void withoutASpillDirectoryNothingIsWritten(@ForAll @Size(max = 50) List<String> values) {
    try (ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, 1, null, "t-")) {
      values.forEach(sort::add);
      assertEquals(0, sort.runs());
      List<String> merged = new ArrayList<>();
      sort.forEach(merged::add);
      assertEquals(values.stream().sorted().toList(), merged);
    }
  }

  @Property(tries = 5)
  void closedRunsCannotBeRead(@ForAll @Size(min = 1, max = 5) List<String> values) {
    ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, 2, null, "t-");
    values.forEach(sort::add);
    sort.close();
    assertThrows(IllegalStateException.class, () -> sort.forEach(v -> {}));
    assertThrows(IllegalStateException.class, () -> sort.add("x"));
    assertTrue(sort.size() > 0);
  }
}
