package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.AsciiText;
import com.benefits.etl.internal.model.ValidEvent;
import com.benefits.etl.internal.rules.DedupKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyEncoderTest {
  private static byte[] encode(DedupKey key) {
    KeyEncoder e = new KeyEncoder();
    int n = e.encode(key);
    return Arrays.copyOf(e.bytes(), n);
  }

  @Test
  void equalEncodingsExactlyForEqualKeys() {
    Random random = new Random(11);
    Map<String, DedupKey> byEncoding = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      DedupKey key = RandomKeys.next(random);
      String encoding = Arrays.toString(encode(key));
      DedupKey earlier = byEncoding.putIfAbsent(encoding, key);
      if (earlier != null) {
        assertThat(earlier).isEqualTo(key);
      }
    }
  }

  /**
   * An event encodes to its key's bytes without making the key, in either form: its fields given as
   * byte views or as strings, ASCII or not, with any device and page (not in the key, but they
   * decide the form with the others).
   */
  @Test
  void anEventEncodesAsItsKeyInEitherForm() {
    Random random = new Random(5);
    KeyEncoder fromEvent = new KeyEncoder();
    Double[] values = {null, 0.0, -0.0, 10.0, 1e300, Double.NaN, -3.25};
    String[] pages = {null, "/page", "/visión", "😀", "é".repeat(200)};
    int byteForm = 0;
    for (int i = 0; i < 20_000; i++) {
      String userId = text(random, 1 + random.nextInt(12));
      String type = random.nextInt(5) == 0 ? null : text(random, random.nextInt(200));
      String timestamp = text(random, random.nextInt(30));
      Double value = values[random.nextInt(values.length)];
      ValidEvent event =
          ValidEvent.of(
              field(random, userId),
              field(random, type),
              field(random, timestamp),
              0,
              value,
              pages[random.nextInt(pages.length)],
              pages[random.nextInt(pages.length)]);
      byteForm += event.inByteForm() ? 1 : 0;
      byte[] expected = encode(DedupKey.of(userId, type, timestamp, value));
      int length = fromEvent.encode(event); // before bytes(): the buffer may grow
      assertThat(Arrays.copyOf(fromEvent.bytes(), length))
          .as("event %d: %s", i, event)
          .isEqualTo(expected);
    }
    assertThat(byteForm).isBetween(5_000, 15_000);
  }

  /** Mostly ASCII text, now and then with a character that is not. */
  private static String text(Random random, int length) {
    return random.nextInt(10) == 0 ? asciiText(random, length) + "ü" : asciiText(random, length);
  }

  /** The field as a byte view when it is ASCII and the coin says so, else as the string. */
  private static CharSequence field(Random random, String s) {
    return s != null && random.nextBoolean() && s.chars().allMatch(c -> c < 0x80) ? view(s) : s;
  }

  private static String asciiText(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < length; k++) {
      s.append((char) random.nextInt(0x80));
    }
    return s.toString();
  }

  private static AsciiText view(String s) {
    return s == null
        ? null
        : new AsciiText(("#" + s).getBytes(StandardCharsets.US_ASCII), 1, s.length());
  }

  @Test
  void asciiTakesOneByteAChar() {
    // varint 2*2, "u1", null marker, varint 2*20, timestamp, value tag + 8 bytes
    assertThat(encode(DedupKey.of("u1", null, "2024-03-15T14:22:05Z", 1.0)))
        .hasSize(1 + 2 + 1 + 1 + 20 + 9);
    assertThat(encode(DedupKey.of("u1", null, "2024-03-15T14:22:05Z", null)))
        .hasSize(1 + 2 + 1 + 1 + 20 + 1);
  }

  @Test
  void reusesItsBufferAcrossKeysOfAnyLength() {
    KeyEncoder e = new KeyEncoder();
    DedupKey big = DedupKey.of("é".repeat(10_000), "x", "t", null);
    DedupKey small = DedupKey.of("a", "x", "t", null);
    int bigLength = e.encode(big);
    assertThat(bigLength).isGreaterThan(20_000);
    assertThat(Arrays.copyOf(e.bytes(), e.encode(small))).isEqualTo(encode(small));
  }
}
