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
    assertThat(bytes.isAscii()).isTrue();
    assertThat(strings.isAscii()).isFalse();
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
        byte[] b = bytes.ascii();
        int from = bytes.from(field);
        assertThat(new String(b, from, bytes.length(field), StandardCharsets.US_ASCII))
            .isEqualTo(text);
      }
    }
    assertThat(bytes.userIdText().toString()).isEqualTo("u1");
    assertThat(bytes.userId()).isSameAs(bytes.userId()); // made once
  }

  @Test
  void anyTextThatIsNotAsciiBytesGivesTheStringForm() {
    ValidEvent e =
        ValidEvent.of(ascii("u1"), "é", ascii("2024-03-15T14:22:05Z"), 0, null, null, null);
    assertThat(e.isAscii()).isFalse();
    assertThat(e).isEqualTo(new ValidEvent("u1", "é", "2024-03-15T14:22:05Z", 0, null, null, null));
  }

  @Test
  void aFieldOf255BytesOrMoreGivesTheStringForm() {
    String page = "p".repeat(255);
    ValidEvent e =
        ValidEvent.of(ascii("u1"), null, ascii("2024-03-15T14:22:05Z"), 0, null, null, ascii(page));
    assertThat(e.isAscii()).isFalse();
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
    assertThat(shorter.isAscii()).isTrue();
    assertThat(shorter.length(ValidEvent.PAGE)).isEqualTo(254);
    assertThat(shorter.page()).isEqualTo(page.substring(1));
  }
}
