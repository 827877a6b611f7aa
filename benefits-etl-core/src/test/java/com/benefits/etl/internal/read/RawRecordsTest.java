package com.benefits.etl.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.StrictUtf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch's raw texts equal what {@link RawText#of} makes from the reader's buffer at the time, for
 * records under, at and over the cap (cut at a character boundary), after the buffer was
 * overwritten, across growth of the batch, and after {@link RawRecords#clear()}. A text kept whole
 * as bytes is also given as its UTF-8 ({@link RawRecords#utf8}) when those bytes are well-formed
 * UTF-8 (the slices here often start or end inside a character, as a bad NDJSON line can).
 */
class RawRecordsTest {
  @Test
  void eachTextIsWhatTheReaderWouldHaveMadeThen() {
    int wholeTexts = 0;
    int illFormed = 0;
    Random random = new Random(18);
    RawRecords batch = new RawRecords(2);
    for (int round = 0; round < 50; round++) {
      List<String> expected = new ArrayList<>();
      List<byte[]> expectedUtf8 = new ArrayList<>(); // the bytes of a record kept whole, else null
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        int cap = random.nextBoolean() ? 1 + random.nextInt(12) : 1000;
        if (random.nextInt(5) == 0) {
          String text = "made " + i;
          batch.add(text);
          expected.add(text);
          expectedUtf8.add(null);
          continue;
        }
        byte[] buffer = (randomText(random) + "{\"k\":\"é😀\"}").getBytes(StandardCharsets.UTF_8);
        int offset = random.nextInt(3);
        int length = buffer.length - offset - random.nextInt(2);
        long total = random.nextBoolean() ? length : length + random.nextInt(100);
        expected.add(RawText.of(buffer, offset, length, total, cap));
        byte[] slice = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
        boolean kept = total <= cap && length <= cap;
        if (kept && !StrictUtf8.accepts(slice)) {
          illFormed++;
        }
        expectedUtf8.add(kept && StrictUtf8.accepts(slice) ? slice : null);
        batch.add(buffer, offset, length, total, cap, false);
        java.util.Arrays.fill(buffer, (byte) 'X'); // the reader moves on
      }
      assertThat(batch.size()).isEqualTo(n);
      int whole = 0;
      for (int i = 0; i < n; i++) {
        String text = batch.text(i);
        assertThat(text).as("round %d, record %d", round, i).isEqualTo(expected.get(i));
        byte[] utf8 = batch.utf8(i);
        assertThat(utf8).isEqualTo(expectedUtf8.get(i));
        if (utf8 != null) {
          whole++;
          assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(utf8);
        }
      }
      wholeTexts += whole;
      batch.clear();
      assertThat(batch.size()).isZero();
    }
    assertThat(wholeTexts).as("texts given as UTF-8").isGreaterThan(50);
    assertThat(illFormed).as("whole texts that are not UTF-8, given as strings").isGreaterThan(50);
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
