/**
 * PCN reports from patient cases and the rules' evaluations: training compliance, caseload and
 * cohorts, patient activation, safeguarding, and the co-ordinators' next-steps worklist.
 *
 * <p>Start at {@link uk.nhs.carecoord.reporting.PcnReports}: its builder sets the small-number
 * suppression threshold and marker, and {@code build(pcn, cases, patientEvaluations,
 * coordinatorEvaluations)} returns a {@link uk.nhs.carecoord.reporting.ReportSet}, a value holding
 * the five reports that writes them as JSON, CSV and a self-contained HTML page with inline SVG
 * charts. For any number of people in bounded memory, {@code PcnReports.accumulator(pcn,
 * coordinatorEvaluations)} gives a {@link uk.nhs.carecoord.reporting.ReportAccumulator}: add each
 * case with its evaluation, then write; the same files result.
 *
 * <p>Aggregate reports ({@link uk.nhs.carecoord.reporting.CaseloadReport}, {@link
 * uk.nhs.carecoord.reporting.ActivationReport}, {@link
 * uk.nhs.carecoord.reporting.SafeguardingReport}) carry no patient identifiers, and every count of
 * people or concerns in them is a {@link uk.nhs.carecoord.reporting.Count} that already applies
 * suppression: a count from 1 to the threshold is held only as the marker, never as a number.
 * The {@link uk.nhs.carecoord.reporting.Worklist} names patients and is written to separate
 * files whose names say {@code CONTAINS-PATIENT-DATA}; it must stay within the practice.
 *
 * <p>Everything here is a pure function of its inputs: no clock, and a deterministic order in
 * every list. The only I/O before a {@code write} method is the accumulator's sorted worklist runs
 * in its work directory, deleted when it is closed. {@link uk.nhs.carecoord.reporting.Suppression}
 * is public so other aggregations protect counts the same way.
 */
package uk.nhs.carecoord.reporting;
