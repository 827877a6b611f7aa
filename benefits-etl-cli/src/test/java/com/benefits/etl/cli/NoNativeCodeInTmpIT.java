package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, point 5: no native code is unpacked into {@code java.io.tmpdir}. The distribution
 * writes its Snappy-compressed outputs with a {@code java.io.tmpdir} it cannot write to (missing,
 * or a file), as a noexec, full or read-only {@code /tmp} would be, and with one it can: no
 * snappy-java class is loaded, nothing appears in that directory, and no jar of {@code lib/} holds
 * a native library to unpack.
 *
 * <p>A JVM unpacks native code only into its {@code java.io.tmpdir}, so a directory of the test's
 * own stands for {@code /tmp}: /tmp itself is shared with every other process on the machine (one
 * unpacked a {@code snappy-*-libsnappyjava.so} there during a run of this test).
 */
class NoNativeCodeInTmpIT {
  @ParameterizedTest(name = "java.io.tmpdir {0}")
  @ValueSource(strings = {"that does not exist", "that is a file", "that is writable"})
  void runsWithoutUnpackingNativeCode(String kind, @TempDir Path dir) throws Exception {
    Path events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    Path tmp = dir.resolve("tmp");
    switch (kind) {
      case "that is a file" -> Files.writeString(tmp, "not a directory");
      case "that is writable" -> Files.createDirectories(tmp);
      default -> {}
    }
    Path classes = dir.resolve("classes.log");
    Path out = dir.resolve("out");

    EtlProcess run =
        EtlProcess.start(
            dir,
            "run",
            List.of("-Djava.io.tmpdir=" + tmp, "-Xlog:class+load=info:file=" + classes),
            EtlProcess.run(events, users, out));
    run.succeeds();

    Outputs.assertFromOneRun(out);
    switch (kind) {
      case "that is a file" -> assertThat(Files.readString(tmp)).isEqualTo("not a directory");
      case "that is writable" -> assertThat(TestFiles.names(tmp)).isEmpty();
      default -> assertThat(tmp).doesNotExist();
    }
    assertThat(Files.readAllLines(classes))
        .anyMatch(l -> l.contains("io.airlift.compress.snappy.SnappyCompressor"))
        .noneMatch(l -> l.contains("org.xerial.snappy"));
  }

  @Test
  void libHoldsNoNativeLibrary() throws IOException {
    try (Stream<Path> jars = Files.list(Distribution.home().resolve("lib"))) {
      for (Path f : (Iterable<Path>) jars.filter(f -> f.toString().endsWith(".jar"))::iterator) {
        try (JarFile jar = new JarFile(f.toFile())) {
          assertThat(
                  jar.stream()
                      .map(e -> e.getName())
                      .filter(
                          n ->
                              n.endsWith(".so")
                                  || n.endsWith(".dll")
                                  || n.endsWith(".dylib")
                                  || n.endsWith(".jnilib")))
              .as(f.toString())
              .isEmpty();
        }
      }
    }
  }
}
