package uk.nhs.carecoord.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/**
 * Fetches prefetch queries with HAPI FHIR's generic client: a read for {@code Patient/id}, a search
 * for the others, following {@code next} links up to a page limit. The access token is sent as a
 * bearer token and never logged.
 */
public final class HapiFhirFetcher implements FhirFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 20;

  private final FhirContext context;

  /** With a timeout for connecting and for each response. */
  public HapiFhirFetcher(Duration timeout) {
    this.context = FhirContext.forR4Cached();
    IRestfulClientFactory factory = context.getRestfulClientFactory();
    // Never ask the server for its CapabilityStatement first: one request per query, no more.
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout((int) timeout.toMillis());
    factory.setSocketTimeout((int) timeout.toMillis());
    factory.setConnectionRequestTimeout((int) timeout.toMillis());
  }

  @Override
  public Map<String, JsonNode> fetch(URI fhirServer, String accessToken, Map<String, String> queries) {
    IGenericClient client = context.newRestfulGenericClient(fhirServer.toString());
    client.registerInterceptor(new Bearer(accessToken));
    Map<String, JsonNode> results = new LinkedHashMap<>();
    for (Map.Entry<String, String> q : queries.entrySet()) {
      IBaseResource resource;
      try {
        resource = q.getValue().startsWith("Patient/")
            ? client.read().resource(Patient.class).withId(q.getValue().substring("Patient/".length())).execute()
            : search(client, q.getValue());
      } catch (BaseServerResponseException e) {
        throw new PrefetchException(q.getKey() + ": the FHIR server answered " + e.getStatusCode());
      } catch (RuntimeException e) {
        throw new PrefetchException(q.getKey() + ": the FHIR server could not be read (" + e.getClass().getSimpleName() + ")");
      }
      try {
        results.put(q.getKey(), JSON.readTree(context.newJsonParser().encodeResourceToString(resource)));
      } catch (IOException e) {
        throw new PrefetchException(q.getKey() + ": unreadable answer", e);
      }
    }
    return results;
  }

  private static Bundle search(IGenericClient client, String query) {
    Bundle first = client.search().byUrl(query).returnBundle(Bundle.class).execute();
    Bundle page = first;
    for (int pages = 1; page.getLink(Bundle.LINK_NEXT) != null; pages++) {
      if (pages == MAX_PAGES) {
        throw new PrefetchException(query.substring(0, query.indexOf('?') < 0 ? query.length() : query.indexOf('?'))
            + ": more than " + MAX_PAGES + " pages");
      }
      page = client.loadPage().next(page).execute();
      first.getEntry().addAll(page.getEntry());
    }
    first.getLink().removeIf(l -> Bundle.LINK_NEXT.equals(l.getRelation()));
    return first;
  }

  /** Adds the bearer token to every request of one fetch. */
  private record Bearer(String token) implements IClientInterceptor {
    @Override
    public void interceptRequest(IHttpRequest request) {
      request.addHeader("Authorization", "Bearer " + token);
    }

    @Override
    public void interceptResponse(IHttpResponse response) {}

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }
}
