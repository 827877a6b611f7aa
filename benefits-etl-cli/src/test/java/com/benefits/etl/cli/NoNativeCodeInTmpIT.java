package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, point 5: no native code is unpacked into {@code java.io.tmpdir}. The distribution
 * writes its Snappy-compressed outputs with a {@code java.io.tmpdir} it cannot write to (missing,
 * or a file), as a noexec, full or read-only {@code /tmp} would be; no snappy-java class is even
 * loaded, and no {@code snappy-*.so} or {@code libsnappyjava*} appears there or in {@code /tmp}.
 */
class NoNativeCodeInTmpIT {
  @ParameterizedTest(name = "java.io.tmpdir {0}")
  @ValueSource(strings = {"that does not exist", "that is a file"})
  void runsWithATmpdirItCannotWriteTo(String kind, @TempDir Path dir) throws Exception {
    Path events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    Path tmp = dir.resolve("tmp");
    if (kind.equals("that is a file")) {
      Files.writeString(tmp, "not a directory");
    }
    Path classes = dir.resolve("classes.log");
    Path out = dir.resolve("out");
    Set<String> inTmpBefore = nativeSnappy(Path.of("/tmp"));

    EtlProcess run =
        EtlProcess.start(
            dir,
            "run",
            List.of("-Djava.io.tmpdir=" + tmp, "-Xlog:class+load=info:file=" + classes),
            EtlProcess.run(events, users, out));
    run.succeeds();

    Outputs.assertFromOneRun(out);
    if (kind.equals("that is a file")) {
      assertThat(Files.readString(tmp)).isEqualTo("not a directory");
    } else {
      assertThat(tmp).doesNotExist();
    }
    assertThat(Files.readAllLines(classes))
        .anyMatch(l -> l.contains("io.airlift.compress.snappy.SnappyCompressor"))
        .noneMatch(l -> l.contains("org.xerial.snappy"));
    assertThat(nativeSnappy(Path.of("/tmp"))).isSubsetOf(inTmpBefore);
  }

  private static Set<String> nativeSnappy(Path tmp) throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("snappy-.*\\.so|libsnappyjava.*"))
          .collect(Collectors.toSet());
    }
  }
}
