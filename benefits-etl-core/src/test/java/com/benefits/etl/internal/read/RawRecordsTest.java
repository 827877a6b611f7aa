package com.benefits.etl.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch's raw texts equal what {@link RawText#of} makes from the reader's buffer at the time, for
 * records under, at and over the cap (cut at a character boundary), after the buffer was
 * overwritten, across growth of the batch, and after {@link RawRecords#clear()}.
 */
class RawRecordsTest {
  @Test
  void eachTextIsWhatTheReaderWouldHaveMadeThen() {
    Random random = new Random(18);
    RawRecords batch = new RawRecords(2);
    for (int round = 0; round < 50; round++) {
      List<String> expected = new ArrayList<>();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        int cap = 1 + random.nextInt(12);
        if (random.nextInt(5) == 0) {
          String text = "made " + i;
          batch.add(text);
          expected.add(text);
          continue;
        }
        byte[] buffer = (randomText(random) + "{\"k\":\"é😀\"}").getBytes(StandardCharsets.UTF_8);
        int offset = random.nextInt(3);
        int length = buffer.length - offset - random.nextInt(2);
        long total = random.nextBoolean() ? length : length + random.nextInt(100);
        expected.add(RawText.of(buffer, offset, length, total, cap));
        batch.add(buffer, offset, length, total, cap);
        java.util.Arrays.fill(buffer, (byte) 'X'); // the reader moves on
      }
      assertThat(batch.size()).isEqualTo(n);
      for (int i = 0; i < n; i++) {
        assertThat(batch.text(i)).as("round %d, record %d", round, i).isEqualTo(expected.get(i));
      }
      batch.clear();
      assertThat(batch.size()).isZero();
    }
  }

  private static String randomText(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(20); i > 0; i--) {
      int pick = random.nextInt(4);
      s.append(pick == 0 ? "é" : pick == 1 ? "😀" : pick == 2 ? "€" : "a");
    }
    return s.toString();
  }
}
