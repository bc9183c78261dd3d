/**
 * The care co-ordination domain model: immutable, validated values for patients and their
 * long-term conditions, Patient Activation Measure (PAM) assessments, personalised care and
 * support plans (PCSPs), interactions, safeguarding concerns, the ARRS care co-ordinator
 * workforce and primary care networks (PCNs).
 *
 * <p>Every value checks its invariants when it is built and throws {@link
 * uk.nhs.carecoord.model.ModelValidationException} naming the offending field. Values are built
 * with generated builders ({@code Patient.builder()...build()}) and read or written as JSON with
 * {@link uk.nhs.carecoord.model.CareJson}. Dates are {@link java.time.LocalDate}s, written as
 * ISO-8601.
 *
 * <p>What a SNOMED CT code in a person's record ({@link uk.nhs.carecoord.model.CodedEntry}) means
 * comes from {@link uk.nhs.carecoord.model.CodeClusters}: NHS England's Primary Care Domain code
 * clusters and other published lists, shipped as published ({@code CodeClusters.builtIn()}), or
 * read from a directory of OpenCodelists CSV files.
 */
@Value.Style(
    throwForInvalidImmutableState = ModelValidationException.class,
    throwForNullPointer = ModelValidationException.class,
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true))
package uk.nhs.carecoord.model;

import org.immutables.value.Value;
