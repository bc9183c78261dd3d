package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * Fetches prefetch queries from the CDS client's FHIR server when the client did not send them
 * ({@code fhirServer} and {@code fhirAuthorization} in the request).
 */
@FunctionalInterface
public interface FhirFetcher {

  /**
   * Runs each query against the server with the access token given.
   *
   * @param fhirServer the base URL the client gave
   * @param accessToken the bearer token from {@code fhirAuthorization.access_token}
   * @param queries relative FHIR queries by prefetch key, patient id already filled in
   * @return a resource or searchset Bundle for each key
   * @throws PrefetchException when a query fails; the message names the key, never the token
   */
  Map<String, JsonNode> fetch(URI fhirServer, String accessToken, Map<String, String> queries);
}
