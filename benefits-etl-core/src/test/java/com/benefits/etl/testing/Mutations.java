package com.benefits.etl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Mutations of events files for the fuzz tests: each one is described in words for the report. */
public final class Mutations {
  static final byte[][] STRAY =
      bytes(
          "[", "]", "{", "}", "\"", "\\", ",", ":", "\n", "\r", "\u0000", "\\u", "\\ud800", "1e",
          "-", "tru", "null", "{\"a\":", "[[", "]]");
  static final byte[][] BAD_UTF8 = {
    {(byte) 0xC3},
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xC0, (byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xE2, (byte) 0x82}
  };

  static byte[][] bytes(String... s) {
    byte[][] out = new byte[s.length][];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private Mutations() {}

  /**
   * One fuzz case: a file's content, whether it is gzip, and how it was made.
   *
   * @param fileName "case N.json" or "case N.json.gz"
   */
  public record Case(byte[] content, boolean gzip, String description, String fileName) {}

  /**
   * Case {@code i}: one of {@code bases} mutated 1–3 times; one case in ten gzipped, and half of
   * those cut short.
   */
  public static Case randomCase(int i, List<byte[]> bases, Random random) throws IOException {
    StringBuilder what = new StringBuilder();
    byte[] data = bases.get(random.nextInt(bases.size()));
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      what.append(r == 0 ? "" : "; ");
      data = mutate(data, random, what);
    }
    boolean gz = random.nextInt(10) == 0;
    byte[] content = gz ? gzip(data) : data;
    if (gz && random.nextBoolean()) {
      content = Arrays.copyOf(content, random.nextInt(content.length + 1));
      what.append("; gzip truncated");
    }
    return new Case(content, gz, what.toString(), "case " + i + (gz ? ".json.gz" : ".json"));
  }

  public static byte[] ndjson(byte[] array) {
    String text = new String(array, StandardCharsets.UTF_8).strip();
    text = text.substring(1, text.length() - 1).replace("},\n", "}\n");
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** One mutation of {@code data}, described in {@code what}. */
  public static byte[] mutate(byte[] data, Random random, StringBuilder what) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
    int kind = random.nextInt(100);
    if (kind < 12) {
      what.append("truncate at ").append(at);
      b.write(data, 0, at);
      return b.toByteArray();
    }
    byte[] insert;
    int drop = 0;
    if (kind < 30) {
      insert = new byte[] {(byte) random.nextInt(256)};
      drop = at < data.length ? 1 : 0;
      what.append("flip byte at ").append(at).append(" to ").append(insert[0] & 0xff);
    } else if (kind < 55) {
      insert = STRAY[random.nextInt(STRAY.length)];
      what.append("insert ")
          .append(new String(insert, StandardCharsets.UTF_8))
          .append(" at ")
          .append(at);
    } else if (kind < 68) {
      insert = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
      what.append("insert invalid UTF-8 at ").append(at);
    } else if (kind < 76) {
      int depth = 900 + random.nextInt(300);
      String open = random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
      String close = open.startsWith("[") ? "]".repeat(depth) : "}".repeat(depth);
      insert = ("\"x\":" + open + "1" + close + ",").getBytes(StandardCharsets.UTF_8);
      what.append("nest ").append(depth).append(" deep at ").append(at);
    } else if (kind < 82) {
      insert = ("1" + "0".repeat(random.nextInt(12_000))).getBytes(StandardCharsets.UTF_8);
      what.append("long number at ").append(at);
    } else if (kind < 87) {
      int n = random.nextInt(200_000);
      insert = ("\"" + "é".repeat(n) + "\"").getBytes(StandardCharsets.UTF_8);
      what.append("long string of ").append(n).append(" at ").append(at);
    } else if (kind < 93) {
      int from = data.length == 0 ? 0 : random.nextInt(data.length);
      int len = Math.min(data.length - from, random.nextInt(200));
      insert = Arrays.copyOfRange(data, from, from + len);
      what.append("copy ")
          .append(len)
          .append(" bytes from ")
          .append(from)
          .append(" to ")
          .append(at);
    } else {
      drop = Math.min(data.length - at, random.nextInt(60));
      insert = new byte[0];
      what.append("delete ").append(drop).append(" bytes at ").append(at);
    }
    b.write(data, 0, at);
    b.write(insert, 0, insert.length);
    b.write(data, at + drop, data.length - at - drop);
    return b.toByteArray();
  }

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(b)) {
      out.write(data);
    }
    return b.toByteArray();
  }
}
