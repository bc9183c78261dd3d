package uk.nhs.carecoord.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR Bulk Data export directory ({@code Patient.ndjson}, {@code Condition.ndjson}…, one
 * resource a line) read as one import per person, joined by patient reference.
 *
 * <p><b>Bounded memory.</b> A first pass reads every file once, line by line, and keeps only an
 * index: for each person the file, byte offset and length of each of their lines (about 16 bytes a
 * resource plus the person's id), and the few resources outside any patient's compartment
 * (Organization, Practitioner…) by id. The second pass, as {@link #people()} is consumed, reads one
 * person's lines back by offset, imports them and lets them go: the resources themselves are never
 * all in memory. An export too large even for the index would be sorted by patient first.
 *
 * <p>Close it to release the files. Not thread-safe: consume {@link #people()} once.
 */
public final class BulkImport implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SHARED =
      Set.of("Organization", "Practitioner", "PractitionerRole", "Location", "Medication", "HealthcareService");

  /**
   * One person's import: a case with its report, or the refusal.
   *
   * @param patientId the Patient resource id the resources were joined by
   * @param result the case and report, if the import succeeded
   * @param refusal the refusal, if it did not
   */
  public record PersonImport(String patientId, Optional<ImportResult> result, Optional<FhirImportException> refusal) {}

  /**
   * What the population import saw.
   *
   * @param files the NDJSON files read
   * @param resourcesByType resource count by type
   * @param people people in the export (distinct patient references with a Patient)
   * @param imported people imported so far
   * @param refused people refused so far
   * @param unlinked resources naming no Patient in the export (with the reason), by type
   */
  public record Summary(List<String> files, Map<String, Integer> resourcesByType, int people, int imported,
      int refused, Map<String, Integer> unlinked) {}

  private final CareFhir fhir;
  private final LocalDate asOf;
  private final List<Path> files = new ArrayList<>();
  private final List<RandomAccessFile> open = new ArrayList<>();
  /** Per person (by Patient id, in the order first met): packed (file, offset) and lengths. */
  private final Map<String, long[]> index = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private final Set<String> patients = new HashSet<>();
  private final Map<String, String> shared = new HashMap<>();
  private final Map<String, Integer> typeCounts = new TreeMap<>();
  private final Map<String, Integer> unlinked = new TreeMap<>();
  private int imported;
  private int refused;

  BulkImport(CareFhir fhir, Path directory, LocalDate asOf) {
    this.fhir = fhir;
    this.asOf = asOf;
    try (Stream<Path> listing = Files.list(directory)) {
      listing.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw FhirParsing.refusal(directory.toString(), "*.ndjson", "no NDJSON files in the directory");
    }
    for (int f = 0; f < files.size(); f++) {
      indexFile(f);
    }
    for (String id : new ArrayList<>(index.keySet())) {
      if (!patients.contains(id)) {
        int n = counts.get(id);
        unlinked.merge("(patient " + "not in the export)", n, Integer::sum);
        index.remove(id);
      }
    }
  }

  private void indexFile(int f) {
    Path file = files.get(f);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long offset = 0;
      long start = 0;
      int lineNo = 0;
      int b;
      while (true) {
        b = in.read();
        if (b == '\n' || b == -1) {
          if (line.size() > 0) {
            lineNo++;
            indexLine(f, file, lineNo, start, line.toByteArray());
          }
          line.reset();
          start = offset + 1;
          if (b == -1) {
            break;
          }
        } else {
          line.write(b);
        }
        offset++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void indexLine(int f, Path file, int lineNo, long offset, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw FhirParsing.refusal(file.getFileName() + ":" + lineNo, "(JSON)", "not readable JSON: "
          + e.getOriginalMessage());
    }
    String type = node.path("resourceType").asText("");
    String id = node.path("id").asText("");
    typeCounts.merge(type, 1, Integer::sum);
    if (SHARED.contains(type)) {
      shared.put(type + "/" + id, text);
      return;
    }
    String patient;
    if (type.equals("Patient")) {
      patient = id;
      patients.add(id);
    } else {
      patient = patientOf(node);
      if (patient == null) {
        unlinked.merge(type + " (no subject or patient reference)", 1, Integer::sum);
        return;
      }
    }
    long[] entries = index.get(patient);
    int n = counts.getOrDefault(patient, 0);
    if (entries == null || entries.length < 2 * (n + 1)) {
      long[] bigger = new long[Math.max(8, 2 * (n + 1) * 2)];
      if (entries != null) {
        System.arraycopy(entries, 0, bigger, 0, 2 * n);
      }
      entries = bigger;
      index.put(patient, entries);
    }
    entries[2 * n] = ((long) f << 40) | offset; // files < 2^23, offsets < 1 TiB
    entries[2 * n + 1] = bytes.length;
    counts.put(patient, n + 1);
  }

  private static String patientOf(JsonNode node) {
    for (String field : List.of("subject", "patient", "beneficiary")) {
      String ref = node.path(field).path("reference").asText(null);
      if (ref != null) {
        int at = ref.indexOf("Patient/");
        if (at >= 0) {
          String rest = ref.substring(at + "Patient/".length());
          int slash = rest.indexOf('/');
          return slash < 0 ? rest : rest.substring(0, slash);
        }
      }
    }
    return null;
  }

  /** The people, one import each, read and imported as the stream is consumed. */
  public Stream<PersonImport> people() {
    Iterator<String> ids = index.keySet().iterator();
    Iterator<PersonImport> it = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public PersonImport next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return importPerson(ids.next());
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private PersonImport importPerson(String patientId) {
    long[] entries = index.get(patientId);
    int n = counts.get(patientId);
    List<Resource> resources = new ArrayList<>(n + 1);
    try {
      Set<String> references = new HashSet<>();
      for (int i = 0; i < n; i++) {
        int f = (int) (entries[2 * i] >>> 40);
        long offset = entries[2 * i] & ((1L << 40) - 1);
        String text = readAt(f, offset, (int) entries[2 * i + 1]);
        Resource r = FhirParsing.parse(text, files.get(f).getFileName() + "@" + offset);
        resources.add(r);
        for (var ref : FhirParsing.context().newTerser().getAllPopulatedChildElementsOfType(r, IBaseReference.class)) {
          if (ref.getReferenceElement().hasResourceType() && ref.getReferenceElement().hasIdPart()) {
            references.add(ref.getReferenceElement().getResourceType() + "/" + ref.getReferenceElement().getIdPart());
          }
        }
      }
      for (String ref : references) {
        String text = shared.get(ref);
        if (text != null) {
          resources.add(FhirParsing.parse(text, ref));
        }
      }
      ImportResult result = fhir.importResources(resources, asOf);
      imported++;
      return new PersonImport(patientId, Optional.of(result), Optional.empty());
    } catch (FhirImportException e) {
      refused++;
      return new PersonImport(patientId, Optional.empty(), Optional.of(e));
    }
  }

  private String readAt(int f, long offset, int length) {
    try {
      while (open.size() <= f) {
        open.add(null);
      }
      RandomAccessFile raf = open.get(f);
      if (raf == null) {
        raf = new RandomAccessFile(files.get(f).toFile(), "r");
        open.set(f, raf);
      }
      byte[] bytes = new byte[length];
      raf.seek(offset);
      raf.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What was read, and how many people were imported and refused so far. */
  public Summary summary() {
    return new Summary(files.stream().map(p -> p.getFileName().toString()).toList(), Map.copyOf(typeCounts),
        index.size(), imported, refused, Map.copyOf(unlinked));
  }

  @Override
  public void close() {
    for (RandomAccessFile raf : open) {
      if (raf != null) {
        try {
          raf.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    open.clear();
  }
}
