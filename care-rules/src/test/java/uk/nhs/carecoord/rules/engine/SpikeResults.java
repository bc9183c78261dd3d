package uk.nhs.carecoord.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only result collector, inserted as a fact with each call (never a global, which a stateless
 * session shares between concurrent calls).
 */
public class SpikeResults {
  private final List<String> items = new ArrayList<>();

  public void add(String item) {
    items.add(item);
  }

  public List<String> getItems() {
    return items;
  }
}
