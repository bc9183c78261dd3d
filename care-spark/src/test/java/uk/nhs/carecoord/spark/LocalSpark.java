package uk.nhs.carecoord.spark;

import org.apache.spark.sql.SparkSession;

/** One local-mode Spark session for every test in this JVM: starting one takes seconds. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("care-spark-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "localhost")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }
}
