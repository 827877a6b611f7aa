package com.benefits.etl.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two forms of a valid event hold the same values, whichever of them is read. */
class ValidEventTest {
  private static AsciiText ascii(String s) {
    return new AsciiText(("..." + s).getBytes(StandardCharsets.US_ASCII), 3, s.length());
  }

  @Test
  void theAsciiFormHoldsTheSameValuesAsTheStringForm() {
    ValidEvent strings =
        new ValidEvent("u1", null, "2024-03-15T14:22:05Z", 1_710_512_525_000_000L, 2.5, "", "/x");
    ValidEvent bytes =
        ValidEvent.of(
            ascii("u1"),
            null,
            ascii("2024-03-15T14:22:05Z"),
            1_710_512_525_000_000L,
            2.5,
            ascii(""),
            ascii("/x"));
    assertThat(bytes.inByteForm()).isTrue();
    assertThat(strings.inByteForm()).isFalse();
    assertThat(bytes).isEqualTo(strings).hasSameHashCodeAs(strings);
    assertThat(bytes.toString()).isEqualTo(strings.toString());
    assertThat(bytes.chars()).isEqualTo(strings.chars()).isEqualTo(2 + 20 + 0 + 2);
    assertThat(bytes.dedupKey()).isEqualTo(strings.dedupKey());
    assertThat(bytes.dedupLocality(new AsciiText()))
        .isEqualTo(strings.dedupLocality(new AsciiText()))
        .isEqualTo(strings.dedupKey().locality());
    for (int field = ValidEvent.USER_ID; field <= ValidEvent.PAGE; field++) {
      String text = strings.text(field);
      assertThat(bytes.length(field)).isEqualTo(text == null ? -1 : text.length());
      if (text != null) {
        byte[] b = bytes.bytes();
        int from = bytes.from(field);
        assertThat(new String(b, from, bytes.length(field), StandardCharsets.US_ASCII))
            .isEqualTo(text);
      }
    }
    assertThat(bytes.userIdText().toString()).isEqualTo("u1");
    assertThat(bytes.userId()).isSameAs(bytes.userId()); // made once
  }

  @Test
  void aUserIdEventTypeOrTimestampThatIsNotAsciiGivesTheStringForm() {
    ValidEvent type =
        ValidEvent.of(ascii("u1"), "é", ascii("2024-03-15T14:22:05Z"), 0, null, null, null);
    assertThat(type.inByteForm()).isFalse();
    assertThat(type)
        .isEqualTo(new ValidEvent("u1", "é", "2024-03-15T14:22:05Z", 0, null, null, null));
    ValidEvent user = ValidEvent.of("ü1", null, ascii("2024-03-15T14:22:05Z"), 0, null, null, null);
    assertThat(user.inByteForm()).isFalse();
    assertThat(user.userId()).isEqualTo("ü1");
  }

  /**
   * Strings that are ASCII (a user id that had an escape) and a device or page in any text (only
   * written, never read by a rule) take the byte form: their UTF-8, read back as the same strings.
   */
  @Test
  void asciiStringsAndAnyDeviceOrPageTextGiveTheByteForm() {
    ValidEvent e =
        ValidEvent.of("u1", "login", ascii("2024-03-15T14:22:05Z"), 0, null, "タブレット", "/visión");
    assertThat(e.inByteForm()).isTrue();
    assertThat(e)
        .isEqualTo(
            new ValidEvent("u1", "login", "2024-03-15T14:22:05Z", 0, null, "タブレット", "/visión"));
    byte[] page = "/visión".getBytes(StandardCharsets.UTF_8);
    assertThat(e.length(ValidEvent.PAGE)).isEqualTo(page.length).isEqualTo(8);
    assertThat(
            java.util.Arrays.copyOfRange(
                e.bytes(), e.from(ValidEvent.PAGE), e.from(ValidEvent.PAGE) + page.length))
        .isEqualTo(page);
    assertThat(e.length(ValidEvent.DEVICE)).isEqualTo(15);
    assertThat(e.device()).isEqualTo("タブレット");
    assertThat(e.userIdText().toString()).isEqualTo("u1");
  }

  @Test
  void aSurrogateInTheDeviceOrPageGivesTheStringForm() {
    for (String text : new String[] {"😀", "x\uD800"}) {
      ValidEvent e =
          ValidEvent.of(ascii("u1"), null, ascii("2024-03-15T14:22:05Z"), 0, null, text, null);
      assertThat(e.inByteForm()).as(text).isFalse();
      assertThat(e.device()).isEqualTo(text);
    }
  }

  @Test
  void aPageOf255BytesOfUtf8OrMoreGivesTheStringForm() {
    ValidEvent over =
        ValidEvent.of(
            ascii("u1"), null, ascii("2024-03-15T14:22:05Z"), 0, null, null, "é".repeat(128));
    assertThat(over.inByteForm()).isFalse();
    ValidEvent under =
        ValidEvent.of(
            ascii("u1"), null, ascii("2024-03-15T14:22:05Z"), 0, null, null, "é".repeat(127));
    assertThat(under.inByteForm()).isTrue();
    assertThat(under.length(ValidEvent.PAGE)).isEqualTo(254);
    assertThat(under.page()).isEqualTo("é".repeat(127));
  }

  @Test
  void aFieldOf255BytesOrMoreGivesTheStringForm() {
    String page = "p".repeat(255);
    ValidEvent e =
        ValidEvent.of(ascii("u1"), null, ascii("2024-03-15T14:22:05Z"), 0, null, null, ascii(page));
    assertThat(e.inByteForm()).isFalse();
    assertThat(e.page()).isEqualTo(page);
    ValidEvent shorter =
        ValidEvent.of(
            ascii("u1"),
            null,
            ascii("2024-03-15T14:22:05Z"),
            0,
            null,
            null,
            ascii(page.substring(1)));
    assertThat(shorter.inByteForm()).isTrue();
    assertThat(shorter.length(ValidEvent.PAGE)).isEqualTo(254);
    assertThat(shorter.page()).isEqualTo(page.substring(1));
  }
}
