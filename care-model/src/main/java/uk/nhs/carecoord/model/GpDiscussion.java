package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import org.immutables.value.Value;

/** The discussion of a safeguarding concern with a GP. */
@Value.Immutable
@JsonSerialize(as = ImmutableGpDiscussion.class)
@JsonDeserialize(as = ImmutableGpDiscussion.class)
public abstract class GpDiscussion {

  /** The GP it was discussed with. */
  public abstract String gpName();

  /** When. */
  public abstract LocalDate discussedOn();

  /** A discussion with a GP on a date. */
  public static GpDiscussion of(String gpName, LocalDate discussedOn) {
    return ImmutableGpDiscussion.builder().gpName(gpName).discussedOn(discussedOn).build();
  }

  @Value.Check
  void check() {
    Checks.notBlank(gpName(), "gpName");
  }
}
