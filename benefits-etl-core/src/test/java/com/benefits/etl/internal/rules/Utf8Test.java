package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.StrictUtf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8#isWellFormed} says what the JDK's strict decoder says, on any part of any bytes. */
class Utf8Test {
  private static final byte[][] PIECES = {
    "a".getBytes(StandardCharsets.UTF_8),
    "plain ascii text".getBytes(StandardCharsets.UTF_8),
    "é".getBytes(StandardCharsets.UTF_8),
    "€".getBytes(StandardCharsets.UTF_8),
    "😀".getBytes(StandardCharsets.UTF_8),
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
    {(byte) 0xC0, (byte) 0x80}, // overlong
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
    {(byte) 0xE2, (byte) 0x82}, // cut short
  };

  @Test
  void isWellFormedAgreesWithTheJdkDecoder() {
    Random random = new Random(3);
    int good = 0;
    int bad = 0;
    for (int i = 0; i < 20_000; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int k = random.nextInt(12); k > 0; k--) {
        // mostly valid pieces, so that some arrays are valid
        out.writeBytes(PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 5)]);
      }
      byte[] b = out.toByteArray();
      int from = b.length == 0 ? 0 : random.nextInt(Math.min(3, b.length) + 1);
      int to = Math.max(from, b.length - random.nextInt(3));
      boolean expected = StrictUtf8.accepts(Arrays.copyOfRange(b, from, to));
      assertThat(Utf8.isWellFormed(b, from, to))
          .as("%s [%d, %d)", Arrays.toString(b), from, to)
          .isEqualTo(expected);
      if (expected) {
        good++;
      } else {
        bad++;
      }
    }
    assertThat(good).isGreaterThan(2_000);
    assertThat(bad).isGreaterThan(2_000);
  }
}
