package com.benefits.etl.spark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An NDJSON file of the cases where engines part ways if they are not careful: a byte-order mark,
 * CRLF and CR-only line ends, blank and white-space lines, bytes that are not UTF-8, years 0001 and
 * 9999, -0.0 against 0.0, lone surrogates next to a user named {@code a?}, numbers written
 * differently, repeated keys, a last line without a line feed.
 */
final class EdgeCases {
  static final String USERS =
      "user_id,signup_date,country\n"
          + "u1,2023-01-05,US\n"
          + "a?,2023-02-01,usa\n"
          + "u2,not-a-date,FR\n"
          + " u3 ,2020-02-29,United States\n"
          + "é,2021-12-31,US\n"
          + "u1,2019-01-01,FR\n"
          + "u4,,\n";

  private EdgeCases() {}

  static byte[] events() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    line(
        out,
        "{\"user_id\":\"u1\",\"event_type\":\"click\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"value\":1}\r\n");
    line(
        out,
        "{\"user_id\":\"u1\",\"event_type\":\"click\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"value\":1.0}\n");
    line(out, "\n   \n\t\r\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"0001-01-01T00:00:00Z\",\"value\":-0.0}\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"0001-01-01T00:00:00Z\",\"value\":0.0}\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"9999-12-31T23:59:59.999999999Z\"}\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"9999-12-31T23:59:59-01:00\"}\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"0001-01-01T00:30:00+01:00\"}\n");
    line(out, "{\"user_id\":\"a\\ud800\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
    line(out, "{\"user_id\":\"a?\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
    line(out, "{\"user_id\":\"\\ud83d\\ude00\\udc00\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
    out.writeBytes("{\"user_id\":\"u\u00e9".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3});
    line(out, "\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
    line(
        out, "{\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\r{\"user_id\":\"u2\"}\n");
    line(
        out,
        "{\"user_id\":\" u3 \",\"timestamp\":\"2024-02-29 10:00\",\"metadata\":{\"device\":\"ios\",\"page\":null,\"x\":[1,2]}}\n");
    line(
        out,
        "{\"user_id\":\"u3\",\"timestamp\":\"2024-02-29 10:00\",\"metadata\":{\"device\":\"ios\"}}\n");
    line(out, "{\"user_id\":\"u2\",\"timestamp\":\"2024-05-01T10:00:00z\",\"value\":1e3}\n");
    line(out, "{\"user_id\":\"u4\",\"timestamp\":\"2024-05-01t10:00:00,5+0530\"}\n");
    line(out, "{\"user_id\":12345,\"timestamp\":\"2024-05-01T10:00:00Z\"}\n");
    line(out, "{\"user_id\":12.5,\"timestamp\":\"2024-05-01T10:00:00Z\"}\n");
    line(
        out,
        "{\"user_id\":\"u1\",\"user_id\":\"\u00e9\",\"timestamp\":\"2024-05-01T10:00:00Z\",\"value\":1e400}\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"2024-05-01\"}\n");
    line(out, "{\"user_id\":\"\",\"timestamp\":\"2024-05-01T10:00:00Z\"}\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"2024-05-01T10:00:00Z\"} trailing\n");
    line(out, "[1,2,3]\n");
    line(
        out,
        "{\"user_id\":\"u1\",\"timestamp\":\"2024-05-01T10:00:00Z\",\"event_type\":\""
            + "x".repeat(300)
            + "\"}\n");
    line(
        out,
        "{\"user_id\":\"u1\",\"timestamp\":\"2024-05-01T10:00:00Z\",\"event_type\":\""
            + "x".repeat(300)
            + "\"}\n");
    line(
        out,
        "   {\"user_id\":\"\u00e9\",\"timestamp\":\"2024-06-01T00:00:00.1234567+18:00\"}   \n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"2024-06-01T00:00:00Z\",\"value\":\"3\"}\n");
    line(out, "{\"user_id\":\"u1\"\n");
    line(out, "\r\n");
    line(out, "{\"user_id\":\"u1\",\"timestamp\":\"2024-07-01T00:00:00Z\"}");
    return out.toByteArray();
  }

  private static void line(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
