package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLogTest {
  @TempDir Path dir;

  private static byte[] key(int i) {
    return ("key-" + i + "-" + "x".repeat(i % 40)).getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void readsEntriesFromTheTailAndFromTheFile() throws IOException {
    try (KeyLog log = new KeyLog(dir.resolve("k.log"), 1024)) {
      List<Long> offsets = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        byte[] k = key(i);
        offsets.add(log.append(100L + i, k, k.length));
      }
      assertThat(log.fileEnd()).isPositive();
      assertThat(offsets).allMatch(offset -> offset % KeyLog.ALIGNMENT == 0);
      assertThat(offsets.get(0)).isLessThan(log.fileEnd()); // far back: on disk
      assertThat(offsets.get(1_999)).isGreaterThanOrEqualTo(log.fileEnd()); // recent: in memory
      assertThat(Files.size(dir.resolve("k.log"))).isEqualTo(log.fileEnd());
      for (int i = 0; i < 2_000; i++) {
        byte[] k = key(i);
        assertThat(log.indexIfEqual(offsets.get(i), k, k.length)).isEqualTo(100L + i);
        byte[] other = key(i + 1);
        assertThat(log.indexIfEqual(offsets.get(i), other, other.length)).isEqualTo(-1);
        byte[] prefix = key(i);
        assertThat(log.indexIfEqual(offsets.get(i), prefix, prefix.length - 1)).isEqualTo(-1);
      }
    }
  }

  @Test
  void aKeyLongerThanTheTailGoesStraightToTheFile() throws IOException {
    try (KeyLog log = new KeyLog(dir.resolve("k.log"), 256)) {
      byte[] small = key(1);
      long a = log.append(1, small, small.length);
      byte[] big = "b".repeat(1_000).getBytes(StandardCharsets.US_ASCII);
      long b = log.append(2, big, big.length);
      long c = log.append(3, small, small.length);
      assertThat(log.indexIfEqual(a, small, small.length)).isEqualTo(1);
      assertThat(log.indexIfEqual(b, big, big.length)).isEqualTo(2);
      assertThat(log.indexIfEqual(c, small, small.length)).isEqualTo(3);
      assertThat(log.indexIfEqual(c, big, big.length)).isEqualTo(-1); // would read past the end
      assertThat(List.of(a, b, c)).allMatch(offset -> offset % KeyLog.ALIGNMENT == 0);
    }
  }
}
