/**
 * A CDS Hooks 2.0 service over the care co-ordination rules.
 *
 * <p>For a host: {@link uk.nhs.carecoord.cdshooks.CdsHooksService} is the handler (discovery,
 * {@code patient-view} calls, feedback; JSON in, {@link uk.nhs.carecoord.cdshooks.CdsResponse}
 * out), {@link uk.nhs.carecoord.cdshooks.CdsHooksServer} serves it over HTTP with signed-JWT
 * authentication, {@link uk.nhs.carecoord.cdshooks.CdsHooksConfig} holds the settings and
 * {@link uk.nhs.carecoord.cdshooks.CdsHooksMain} runs it. Two seams: a
 * {@link uk.nhs.carecoord.cdshooks.PrefetchReader} turns FHIR into a case (care-fhir by default)
 * and a {@link uk.nhs.carecoord.cdshooks.FhirFetcher} fetches what the client did not prefetch
 * (HAPI FHIR's client). Cards, the audit store, token checks and rule reloading are internal.
 */
package uk.nhs.carecoord.cdshooks;
