/**
 * PCN reports from patient cases and the rules' evaluations: training compliance, caseload and
 * cohorts, patient activation, safeguarding, and the co-ordinators' next-steps worklist.
 *
 * <p>Start at {@link uk.nhs.carecoord.reporting.PcnReports}: its builder sets the small-number
 * suppression threshold and marker, and {@code build(pcn, cases, patientEvaluations,
 * coordinatorEvaluations)} returns a {@link uk.nhs.carecoord.reporting.ReportSet}, a value holding
 * the five reports that writes them as JSON, CSV and a self-contained HTML page with inline SVG
 * charts.
 *
 * <p>Aggregate reports ({@link uk.nhs.carecoord.reporting.CaseloadReport}, {@link
 * uk.nhs.carecoord.reporting.ActivationReport}, {@link
 * uk.nhs.carecoord.reporting.SafeguardingReport}) carry no patient identifiers, and every count of
 * people or concerns in them is a {@link uk.nhs.carecoord.reporting.Count} that already applies
 * suppression: a count from 1 to the threshold is held only as the marker, never as a number.
 * The {@link uk.nhs.carecoord.reporting.Worklist} names patients and is written to separate
 * files whose names say {@code CONTAINS-PATIENT-DATA}; it must stay within the practice.
 *
 * <p>Everything here is a pure function of its inputs: no clock, no I/O until a {@code write}
 * method is called, and a deterministic order in every list.
 */
package uk.nhs.carecoord.reporting;
