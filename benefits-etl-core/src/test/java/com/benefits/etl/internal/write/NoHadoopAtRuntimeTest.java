package com.benefits.etl.internal.write;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hadoop-common is on the test classpath (it is {@code provided}), but not at runtime. This runs
 * the writers in a class loader built from the test classpath without any Hadoop jar, as the shaded
 * jar will run them.
 */
class NoHadoopAtRuntimeTest {

  @Test
  void writersRunWithoutHadoopClasses(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(classpathWithoutHadoop(), platformLoader())) {
      assertThatThrownBy(() -> loader.loadClass("org.apache.hadoop.conf.Configuration"))
          .isInstanceOf(ClassNotFoundException.class);

      Object rows =
          loader
              .loadClass(HadoopFreeWriteProbe.class.getName())
              .getMethod("run", String.class)
              .invoke(null, dir.toString());

      assertThat(rows).isEqualTo(3L);
    }
    for (String name :
        List.of("clean_events.parquet", "daily_summary.parquet", "rejected_events.parquet")) {
      assertThat(
              queryOne(
                  "SELECT count(*) AS n FROM read_parquet(" + literal(dir.resolve(name)) + ")"))
          .containsEntry("n", 1L);
    }
  }

  private static ClassLoader platformLoader() {
    return ClassLoader.getPlatformClassLoader();
  }

  private static URL[] classpathWithoutHadoop() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty() || isHadoopJar(entry)) {
        continue;
      }
      urls.add(new File(entry).toURI().toURL());
    }
    assertThat(urls).as("test classpath").isNotEmpty();
    return urls.toArray(URL[]::new);
  }

  /** Jars of Apache Hadoop itself (group org.apache.hadoop), not parquet-hadoop. */
  private static boolean isHadoopJar(String entry) {
    String name = new File(entry).getName();
    return name.startsWith("hadoop-") && name.endsWith(".jar");
  }
}
