package com.benefits.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar spark-submit takes is thin and self-consistent: our classes, core, FastCSV and
 * jackson-core relocated under com.benefits.etl.shaded; nothing of Spark, Hadoop, parquet-java,
 * SLF4J or logback; both engines registered for the ServiceLoader; SparkEtl as its main class.
 */
class ShadedJarIT {
  @Test
  void theJarHoldsOursAndRelocatedJacksonOnly() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("etl.spark.jar"))) {
      List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
      assertThat(names)
          .contains(
              "com/benefits/etl/spark/SparkEtl.class",
              "com/benefits/etl/EtlPipeline.class",
              "com/benefits/etl/internal/read/NdjsonSplitReader.class",
              "com/benefits/etl/shaded/jackson/core/JsonFactory.class",
              "de/siegmar/fastcsv/reader/CsvReader.class");
      assertThat(names)
          .noneMatch(
              n ->
                  n.startsWith("com/fasterxml/")
                      || n.startsWith("org/apache/")
                      || n.startsWith("org/slf4j/")
                      || n.startsWith("ch/qos/")
                      || n.startsWith("scala/")
                      || n.equals("logback.xml"));
      String services =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/services/com.benefits.etl.EtlEngine"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(services.lines().map(String::strip).filter(l -> !l.isEmpty()))
          .containsExactlyInAnyOrder(
              "com.benefits.etl.internal.engine.EmbeddedEngine",
              "com.benefits.etl.spark.SparkEngine");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(SparkEtl.class.getName());
      // The relocated core really calls the relocated Jackson.
      byte[] reader =
          jar.getInputStream(jar.getEntry("com/benefits/etl/internal/read/ReadLimits.class"))
              .readAllBytes();
      String text = new String(reader, StandardCharsets.ISO_8859_1);
      assertThat(text)
          .contains("com/benefits/etl/shaded/jackson/core")
          .doesNotContain("com/fasterxml");
    }
  }
}
