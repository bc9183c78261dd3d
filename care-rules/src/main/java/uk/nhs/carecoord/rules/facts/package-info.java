/**
 * The facts rule authors match on: flat, read-only views of a patient case or a care co-ordinator,
 * with values derived once (age on the reference date, counts by condition category, months since
 * the latest PAM). They decide nothing; every threshold is applied in the DRL.
 */
package uk.nhs.carecoord.rules.facts;
