package com.benefits.etl.internal.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.benefits.etl.BadInputException;
import com.benefits.etl.RejectReason;
import com.benefits.etl.testing.StrictUtf8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON text must be UTF-8 (docs/spec.md 1.1: a JSON array that is not well-formed stops the run).
 */
class Utf8CheckedInputStreamTest {
  private static final Path FILE = Path.of("events.json");

  @TempDir Path dir;

  private static Utf8CheckedInputStream over(byte[] data) {
    return new Utf8CheckedInputStream(
        new ByteArrayInputStream(data),
        FILE,
        () -> new ByteArrayInputStream(data),
        "the JSON array is not well-formed: the bytes %s are"
            + " not valid UTF-8 (JSON text must be UTF-8)");
  }

  /** Reads everything in reads of random sizes (1 to 40 bytes); returns what came out. */
  private static byte[] drain(InputStream in, Random random, ByteArrayOutputStream out)
      throws IOException {
    byte[] buf = new byte[40];
    while (true) {
      int want = 1 + random.nextInt(buf.length);
      int n = in.read(buf, 0, want);
      if (n < 0) {
        return out.toByteArray();
      }
      assertThat(n).isBetween(1, want);
      out.write(buf, 0, n);
    }
  }

  /** Mostly ASCII, some well-formed sequences of every length, now and then a random byte. */
  private static byte[] randomBytes(Random random, boolean withNoise) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = random.nextInt(60);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (withNoise && kind == 0) {
        out.write(random.nextInt(256));
      } else if (kind < 6) {
        out.write(random.nextInt(0x80));
      } else {
        int cp;
        do {
          cp = random.nextInt(kind == 6 ? 0x800 : kind == 7 ? 0x10000 : 0x110000);
        } while (cp >= 0xD800 && cp <= 0xDFFF);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(UTF_8));
      }
    }
    return out.toByteArray();
  }

  @Test
  void passesWellFormedUtf8ThroughUnchangedWhateverTheReadSizes() throws IOException {
    Random random = new Random(1);
    for (int i = 0; i < 3000; i++) {
      byte[] data = randomBytes(random, false);
      assertThat(drain(over(data), random, new ByteArrayOutputStream())).isEqualTo(data);
    }
  }

  @Test
  void acceptsExactlyWhatJavasStrictDecoderAccepts() throws IOException {
    Random random = new Random(2);
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] data = randomBytes(random, true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputError failure =
          catchThrowableOfType(InputError.class, () -> drain(over(data), random, out));
      assertThat(failure == null)
          .as("accepted %s", Arrays.toString(data))
          .isEqualTo(StrictUtf8.accepts(data));
      if (failure != null) {
        rejected++;
        // What came out before the failure is the well-formed prefix, up to the bad sequence.
        byte[] prefix = out.toByteArray();
        assertThat(prefix).isEqualTo(Arrays.copyOf(data, prefix.length));
        assertThat(StrictUtf8.accepts(prefix)).isTrue();
        int lines = 1;
        int lineStart = 0;
        for (int b = 0; b < prefix.length; b++) {
          if (prefix[b] == '\n') {
            lines++;
            lineStart = b + 1;
          }
        }
        assertThat(failure.error().line()).hasValue(lines);
        assertThat(failure.error().column()).hasValue(prefix.length - lineStart + 1);
      }
    }
    assertThat(rejected).isGreaterThan(1000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FF",
        "80",
        "C0 80",
        "C1 BF",
        "E0 80 80",
        "E0 9F BF",
        "ED A0 80",
        "ED BF BF",
        "F0 80 80 80",
        "F0 8F BF BF",
        "F4 90 80 80",
        "F5 80 80 80",
        "C3",
        "E2 82",
        "F0 9F 98"
      })
  void refusesOverlongSurrogateTooLargeAndCutSequences(String hex) {
    String[] parts = hex.split(" ");
    byte[] bad = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bad[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    assertThat(StrictUtf8.accepts(bad)).isFalse();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes("[\n {\"a\":\"\u00e9".getBytes(UTF_8));
    data.writeBytes(bad);
    byte[] bytes = data.toByteArray();
    InputError failure =
        catchThrowableOfType(
            InputError.class, () -> drain(over(bytes), new Random(3), new ByteArrayOutputStream()));
    BadInputException error = failure.error();
    assertThat(error.line()).hasValue(2);
    assertThat(error.column()).hasValue(10); // " {"a":"é" is 9 bytes
    assertThat(error.getMessage())
        .startsWith(
            "events.json, line 2, column 10: the JSON array is not well-formed: the bytes 0x"
                + parts[0])
        .endsWith("are not valid UTF-8 (JSON text must be UTF-8)");
  }

  private Path array(String name, String before, byte[] bad, String after) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(UTF_8));
    out.writeBytes(bad);
    out.writeBytes(after.getBytes(UTF_8));
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  private static final byte[] SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
  private static final String GOOD = "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\"}";

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void stopsAnArrayRunAtBadUtf8InAKnownFieldAnUnknownOneOrMetadata(boolean byteChecker)
      throws IOException {
    String[][] places = {
      {"{\"user_id\":\"u", "\",\"timestamp\":\"2024-03-15T14:22:05Z\"}]"},
      {"{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"note\":\"", "\"}]"},
      {
        "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"metadata\":{\"page\":\"/",
        "\"}}]"
      }
    };
    for (String[] place : places) {
      Path file =
          array("bad.json", "[" + GOOD + ",\n" + GOOD + ",\n" + place[0], SURROGATE, place[1]);
      BadInputException e =
          catchThrowableOfType(
              BadInputException.class,
              () -> {
                try (EventReader r = EventReader.open(file, ReadLimits.DEFAULT, byteChecker)) {
                  while (r.next()) {
                    // read on
                  }
                }
              });
      assertThat(e).as(place[0]).isNotNull();
      assertThat(e.line()).hasValue(3);
      assertThat(e.column()).hasValue(place[0].length() + 1);
      assertThat(e.getMessage()).contains("the bytes 0xED 0xA0 are not valid UTF-8");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anEarlierSyntaxErrorIsReportedFirst(boolean byteChecker) throws IOException {
    Path file = array("syntax.json", "[" + GOOD + ",\n" + GOOD + " oops \"", SURROGATE, "\"]");
    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () -> {
              try (EventReader r = EventReader.open(file, ReadLimits.DEFAULT, byteChecker)) {
                while (r.next()) {
                  // read on
                }
              }
            });
    assertThat(e.line()).hasValue(2);
    assertThat(e.getMessage()).contains("Unexpected character ('o'").doesNotContain("UTF-8");
  }

  @Test
  void ndjsonStillRejectsTheLineInstead() throws IOException {
    Path file =
        array(
            "bad.ndjson",
            GOOD + "\n{\"user_id\":\"u",
            SURROGATE,
            "\",\"timestamp\":\"2024-03-15T14:22:05Z\"}\n" + GOOD + "\n");
    assertThat(EventReaderTest.readAll(file))
        .extracting(EventReaderTest.Rec::reason)
        .containsExactly(null, RejectReason.MALFORMED_RECORD, null);
  }
}
