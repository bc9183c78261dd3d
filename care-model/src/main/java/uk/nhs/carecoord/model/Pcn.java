package uk.nhs.carecoord.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** A primary care network: its practices, care co-ordinators and their supervision. */
@Value.Immutable
@JsonSerialize(as = ImmutablePcn.class)
@JsonDeserialize(as = ImmutablePcn.class)
public abstract class Pcn {

  /** ODS code of the PCN. */
  public abstract String code();

  /** Name of the PCN. */
  public abstract String name();

  /** Member practices. */
  public abstract List<Practice> practices();

  /** Care co-ordinators employed or engaged under ARRS. */
  public abstract List<CareCoordinator> coordinators();

  /** Supervision arrangements, at most one per co-ordinator. */
  public abstract List<SupervisionArrangement> supervision();

  /** The supervision arrangement for a co-ordinator, if the PCN has named one. */
  public Optional<SupervisionArrangement> supervisionOf(String coordinatorId) {
    return Optional.ofNullable(supervisionByCoordinator().get(coordinatorId));
  }

  /** Asked once per person evaluated: indexed on first use rather than scanned each time. */
  @Value.Lazy
  Map<String, SupervisionArrangement> supervisionByCoordinator() {
    return supervision().stream().collect(Collectors.toUnmodifiableMap(SupervisionArrangement::coordinatorId, s -> s));
  }

  /** A builder. */
  public static ImmutablePcn.Builder builder() {
    return ImmutablePcn.builder();
  }

  @Value.Check
  void check() {
    Checks.notBlank(code(), "code");
    Checks.notBlank(name(), "name");
    Checks.uniqueIds(practices(), Practice::odsCode, "practices");
    Checks.uniqueIds(coordinators(), CareCoordinator::id, "coordinators");
    Checks.uniqueIds(supervision(), SupervisionArrangement::coordinatorId, "supervision");
    Set<String> ids = coordinators().stream().map(CareCoordinator::id).collect(Collectors.toSet());
    for (int i = 0; i < supervision().size(); i++) {
      Checks.require(
          ids.contains(supervision().get(i).coordinatorId()),
          "supervision[" + i + "].coordinatorId",
          "names no co-ordinator of this PCN");
    }
  }
}
