package uk.nhs.carecoord.rules.engine;

import org.kie.api.definition.type.Role;

/** Test-only fact declared an event by annotation rather than in DRL. */
@Role(Role.Type.EVENT)
public class SpikeEvent {
  public String getName() {
    return "event";
  }
}
