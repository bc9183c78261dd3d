package uk.nhs.carecoord.cdshooks;

import java.util.Objects;

/**
 * An answer of the CDS Hooks handler: an HTTP status and a JSON body, for whatever HTTP server
 * the host runs.
 *
 * @param status the HTTP status (200, 400, 404, 412, 500)
 * @param json the response body, a JSON object
 */
public record CdsResponse(int status, String json) {

  /** Checks the parts. */
  public CdsResponse {
    Objects.requireNonNull(json, "json");
  }
}
