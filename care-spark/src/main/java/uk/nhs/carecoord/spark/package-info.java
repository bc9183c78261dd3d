/**
 * The care co-ordination rules on Apache Spark, for ICB and national data platforms: {@link
 * uk.nhs.carecoord.spark.CareSpark} evaluates a {@code Dataset} of patient cases inside {@code
 * mapPartitions} (one compiled rule base per executor JVM) into one row per finding, and counts
 * aggregates suppressed as {@code care-reporting} does; {@link uk.nhs.carecoord.spark.CareSparkJob}
 * is the {@code spark-submit} / Databricks entry point. Everything else is package-private.
 */
package uk.nhs.carecoord.spark;
