package uk.nhs.carecoord.reporting;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every {@link Count} in a report, in a fixed traversal order (test helper). */
final class Counts {
  private Counts() {}

  static List<Count> in(Object report) {
    List<Count> out = new ArrayList<>();
    walk(report, out);
    return out;
  }

  private static void walk(Object value, List<Count> out) {
    if (value instanceof Count c) {
      out.add(c);
    } else if (value instanceof Collection<?> items) {
      items.forEach(i -> walk(i, out));
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent rc : value.getClass().getRecordComponents()) {
        try {
          walk(rc.getAccessor().invoke(value), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
