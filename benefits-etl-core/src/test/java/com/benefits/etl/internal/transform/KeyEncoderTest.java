package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.rules.DedupKey;
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
