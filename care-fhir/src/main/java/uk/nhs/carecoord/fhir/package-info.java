/**
 * FHIR R4 (UK Core) in and out of the care co-ordination model, on HAPI FHIR. {@link
 * uk.nhs.carecoord.fhir.CareFhir} is the one entry point: import a bundle (or several resources,
 * such as a CDS Hooks prefetch) about one person into a {@code PatientCase} with an {@link
 * uk.nhs.carecoord.fhir.ImportReport}. Everything else in the package is internal.
 */
package uk.nhs.carecoord.fhir;
