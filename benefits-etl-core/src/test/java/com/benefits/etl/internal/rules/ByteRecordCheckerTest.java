package com.benefits.etl.internal.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.CheckedRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ByteRecordChecker} against Jackson and {@link RecordChecker}, element by element: when it
 * accepts an element, the outcome and the element's end must be Jackson's (and Jackson must accept
 * the element at all); the common shapes must be accepted, so that the comparison means something.
 */
class ByteRecordCheckerTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String TS = "\"timestamp\":\"2024-03-15T14:22:05Z\"";

  /** Compares both readings of {@code element} inside an array; returns the byte checker's end. */
  static int compare(byte[] element) {
    ByteArrayOutputStream array = new ByteArrayOutputStream();
    array.write('[');
    array.writeBytes(element);
    array.write(']');
    byte[] bytes = array.toByteArray();
    CheckedRecord expected = null;
    long expectedEnd = -1;
    try (JsonParser p = JSON.createParser(bytes)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      p.nextToken();
      expected = RecordChecker.check(p);
      p.finishToken();
      expectedEnd = p.currentLocation().getByteOffset();
    } catch (IOException e) {
      expected = null; // Jackson refuses the element
    }
    ByteRecordChecker checker = new ByteRecordChecker(1_000, 10_000, 50_000);
    int end = checker.check(bytes, 1, bytes.length);
    String shown = new String(element, UTF_8);
    assertThat(end).as(shown).isNotEqualTo(ByteRecordChecker.INCOMPLETE);
    if (end >= 0) {
      assertThat(expected)
          .as("Jackson refuses what the byte checker accepted: " + shown)
          .isNotNull();
      assertThat(checker.result()).as(shown).isEqualTo(expected);
      assertThat((long) end).as(shown).isEqualTo(expectedEnd);
    }
    return end;
  }

  static int compare(String element) {
    return compare(element.getBytes(UTF_8));
  }

  static void assertAccepted(String element) {
    assertThat(compare(element)).as(element).isGreaterThan(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"user_id\":\"u1\",\"event_type\":\"login\","
            + TS
            + ",\"value\":10,"
            + "\"metadata\":{\"device\":\"mobile\",\"page\":\"/home\"}}",
        "{ \"user_id\" : \"u1\" ,\r\n\t" + TS + " , \"metadata\" : null }",
        "{}",
        "{\"user_id\":42," + TS + "}",
        "{\"user_id\":-0," + TS + "}",
        "{\"user_id\":123456789012345678," + TS + "}",
        "{\"user_id\":1.5," + TS + "}",
        "{\"user_id\":-1.5e3," + TS + "}",
        "{\"user_id\":true," + TS + "}",
        "{\"user_id\":false," + TS + "}",
        "{\"user_id\":null," + TS + "}",
        "{" + TS + "}",
        "{\"user_id\":\"   \"," + TS + "}",
        "{\"user_id\":\"\"," + TS + "}",
        "{\"user_id\":\"\\tu1\"," + TS + "}",
        "{\"user_id\":\"\\u00a0u1\\u2003\"," + TS + "}",
        "{\"user_id\":\"\u00e9t\u00e9 \u2615 \ud83d\ude00\"," + TS + "}",
        "{\"user_id\":\"\\ud83d\\ude00 \\ud800 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"," + TS + "}",
        "{\"user_id\":\"u1\",\"timestamp\":\"not a time\"}",
        "{\"user_id\":\"u1\",\"timestamp\":\"2024-02-30T00:00:00Z\"}",
        "{\"user_id\":\"u1\",\"timestamp\":\" 2024-01-01T00:00:00Z\"}",
        "{\"user_id\":\"u1\",\"timestamp\":null}",
        "{\"user_id\":\"u1\",\"timestamp\":17}",
        "{\"user_id\":\"u1\",\"timestamp\":1.5}",
        "{\"user_id\":\"u1\",\"timestamp\":true}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":null}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":-0}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":-0.0}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":0e5}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":1761.93}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":0.1}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":1E+2}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":2.5e-3}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":9007199254740991}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":123456789012345678}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":\"oops\",\"value\":3}",
        "{\"user_id\":\"u9\",\"user_id\":\"u1\"," + TS + ",\"timestamp\":\"x\"}",
        "{\"user_id\":\"u1\","
            + TS
            + ",\"metadata\":{\"device\":\"a\"},\"metadata\":{\"page\":\"b\"}}",
        "{\"user_id\":\"u1\"," + TS + ",\"metadata\":{\"device\":null,\"page\":null,\"x\":[1,{}]}}",
        "{\"user_id\":\"u1\"," + TS + ",\"metadata\":{\"device\":\"a\",\"device\":\"\\u00e9\"}}",
        "{\"user_id\":\"u1\"," + TS + ",\"event_type\":null}",
        "{\"user_id\":\"u1\"," + TS + ",\"event_type\":\"\"}",
        "{\"user_id\":\"u1\","
            + TS
            + ",\"extra\":{\"a\":[1,2.5,-3e-2,true,false,null,\"\\u12ab\"],"
            + "\"b\":{\"c\":{}},\"\\u0041\":\"\u00e9\",\"d\":[]}}",
        "{\"user_id\":\"u1\","
            + TS
            + ",\"note\":\"He said \\\"hi\\\"\\n\\tthen left \u2615 \\\\o/\"}",
        "{\"us\u00e9r_id\":\"u1\"," + TS + "}",
        "{\"user_id\":\"u1\"," + TS + ",\"big\":12345678901234567890123}",
        "{\"user_id\":\"u1\"," + TS + ",\"deep\":[[[[[[[[[[1]]]]]]]]]]}",
        "12",
        "-0",
        "1.5e3",
        "0"
      })
  void theseAreReadAsJacksonReadsThem(String element) {
    compare(element);
  }

  @Test
  void commonShapesAreAccepted() {
    assertAccepted(
        "{\"user_id\":\"u1\",\"event_type\":\"login\","
            + TS
            + ",\"value\":1761.93,"
            + "\"metadata\":{\"browser\":\"Edge\",\"page\":\"/p\",\"screen\":{\"w\":390,\"h\":844},"
            + "\"device\":\"tablet\",\"tags\":[\"sso\",3,null],\"referrer\":null},\"debug\":null}");
    assertAccepted("{\"user_id\":\"\\tu1\"," + TS + ",\"value\":-0.0}");
    assertAccepted("{\"user_id\":1046089," + TS + ",\"value\":null}");
    assertAccepted("{\"user_id\":null," + TS + "}");
    assertAccepted("{\"user_id\":\"u1\",\"timestamp\":\"2024-13-01T00:00:00Z\"}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"page\":\"/benefits/visi\u00f3n\"}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"note\":\"a \\\"b\\\" \\u00e9 \ud83d\ude00\"}");
    assertAccepted("42");
    assertAccepted("\"a \\u00e9 string\"");
    assertAccepted("null");
    assertAccepted("true");
    assertAccepted("[1,{\"a\":[]}]");
    // Fields of the wrong type, with RecordChecker's description of what they hold.
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"value\":\"o\\\"ops\",\"event_type\":7}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"value\":true,\"value\":[1,{}]}");
    assertAccepted("{\"user_id\":{\"id\":\"u1\"}," + TS + "}");
    assertAccepted("{\"user_id\":\"u1\",\"timestamp\":[\"2024-03-15T14:22:05Z\"]}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"metadata\":[\"desktop\"]}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"metadata\":\"x\"}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"metadata\":{\"device\":-0,\"page\":false}}");
    assertAccepted("{\"user_id\":\"u1\"," + TS + ",\"metadata\":{\"device\":7},\"metadata\":null}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"user_id\":01," + TS + "}",
        "{\"user_id\":+1," + TS + "}",
        "{\"user_id\":1.," + TS + "}",
        "{\"user_id\":.5," + TS + "}",
        "{\"user_id\":1e," + TS + "}",
        "{\"user_id\":-," + TS + "}",
        "{\"user_id\":tru," + TS + "}",
        "{\"user_id\":nul}",
        "{\"user_id\":truex}",
        "{\"user_id\":\"a\\x\"}",
        "{\"user_id\":\"a\\u12\"}",
        "{\"user_id\":\"a\tb\"}",
        "{\"user_id\":\"u1\",}",
        "{\"user_id\" \"u1\"}",
        "{\"user_id\":\"u1\" " + TS + "}",
        "{'user_id':\"u1\"}",
        "{user_id:\"u1\"}",
        "{\"a\":[1,]}",
        "{\"a\":[1 2]}",
        "{\"a\":{\"b\"}}",
        "{\"a\":NaN}",
        "{\"a\":Infinity}",
        "{\"a\":1}x",
        "12x",
        "\"a string\"",
        "[1,2]",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":1e400}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":12345678901234567890}",
        "{\"user_id\":\"u1\"," + TS + ",\"value\":true}",
        "{\"user_id\":{\"id\":1}," + TS + "}",
        "{\"user_id\":\"u1\",\"timestamp\":[\"2024-03-15T14:22:05Z\"]}",
        "{\"user_id\":\"u1\"," + TS + ",\"metadata\":[\"desktop\"]}",
        "{\"user_id\":\"u1\"," + TS + ",\"metadata\":{\"device\":7}}",
        "{\"user\\u005fid\":\"u1\"," + TS + "}"
      })
  void oddOrBrokenElementsAreDeclinedOrReadAsJacksonReadsThem(String element) {
    compare(element);
  }

  @Test
  void malformedUtf8IsNeverAccepted() {
    byte[][] bad = {
      {(byte) 0xC3},
      {(byte) 0xFF},
      {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
    };
    for (byte[] b : bad) {
      for (String at : List.of("{\"user_id\":\"u%s1\"}", "{\"note\":\"%s\"}", "{\"n%s\":1}")) {
        String[] parts = at.split("%s");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(UTF_8));
        out.writeBytes(b);
        out.writeBytes(parts[1].getBytes(UTF_8));
        assertThat(compare(out.toByteArray())).isLessThan(0);
      }
    }
  }

  @Test
  void elementsCutShortAreIncomplete() {
    String whole =
        "{\"user_id\":\"u\u00e91\",\"value\":-1.5e3,\"x\":[true,null,{\"a\":\"\\u00e9\"}],"
            + TS
            + "}";
    byte[] bytes = whole.getBytes(UTF_8);
    ByteRecordChecker checker = new ByteRecordChecker(1_000, 10_000, 50_000);
    for (int cut = 0; cut < bytes.length; cut++) {
      assertThat(checker.check(bytes, 0, cut))
          .as("cut at " + cut)
          .isIn(ByteRecordChecker.INCOMPLETE, ByteRecordChecker.DECLINED);
    }
    assertThat(checker.check(bytes, 0, bytes.length)).isEqualTo(bytes.length);
  }

  @Test
  void limitsBelowItsOwnAreRespected() {
    String deep = "{\"user_id\":\"u1\"," + TS + ",\"a\":{\"b\":[1]}}";
    byte[] bytes = deep.getBytes(UTF_8);
    // The array is depth 1, the record 2, "a" 3, "b" 4.
    assertThat(new ByteRecordChecker(4, 100, 100).check(bytes, 0, bytes.length)).isPositive();
    assertThat(new ByteRecordChecker(3, 100, 100).check(bytes, 0, bytes.length))
        .isEqualTo(ByteRecordChecker.DECLINED);
    assertThat(new ByteRecordChecker(100, 100, 6).check(bytes, 0, bytes.length))
        .isEqualTo(ByteRecordChecker.DECLINED);
    byte[] number = "{\"value\":12345}".getBytes(UTF_8);
    assertThat(new ByteRecordChecker(100, 5, 100).check(number, 0, number.length)).isPositive();
    assertThat(new ByteRecordChecker(100, 4, 100).check(number, 0, number.length))
        .isEqualTo(ByteRecordChecker.DECLINED);
  }

  @Test
  void randomNumbersAndStringsAreReadAsJacksonReadsThem() {
    Random random = new Random(7);
    String[] pieces = {"0", "1", "9", "-", ".", "e", "E", "+", "5", "00", "12345678901234567"};
    String[] chars = {
      "a",
      " ",
      "\\n",
      "\\u00e9",
      "\\ud83d",
      "\\ude00",
      "\u00e9",
      "\ud83d\ude00",
      "\\\"",
      "\\\\",
      "\u2615",
      "/"
    };
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder n = new StringBuilder();
      for (int k = 1 + random.nextInt(6); k > 0; k--) {
        n.append(pieces[random.nextInt(pieces.length)]);
      }
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(6); k > 0; k--) {
        s.append(chars[random.nextInt(chars.length)]);
      }
      String element = "{\"user_id\":\"" + s + "\"," + TS + ",\"value\":" + n + ",\"u\":" + n + "}";
      accepted += compare(element) > 0 ? 1 : 0;
      compare(n.toString());
    }
    assertThat(accepted).isGreaterThan(1_000);
  }
}
