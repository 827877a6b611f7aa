package com.benefits.etl.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A cell of {@code inspect}'s tables: escaped, then cut to a width, never mid-character. */
class CellsTest {
  @Test
  void textThatFitsIsShownAsItIs() {
    assertThat(Cells.cell("", 10)).isEmpty();
    assertThat(Cells.cell("0123456789", 10)).isEqualTo("0123456789");
    assertThat(Cells.cell("naïve café ☕", 12)).isEqualTo("naïve café ☕");
  }

  @Test
  void longerTextEndsInDotsAtExactlyTheWidth() {
    assertThat(Cells.cell("01234567890", 10)).isEqualTo("0123456...");
    assertThat(Cells.cell("x".repeat(1000), 4)).isEqualTo("x...");
  }

  @Test
  void controlAndInvisibleCharactersAreEscaped() {
    assertThat(Cells.cell("a\nb\tc\rd", 20)).isEqualTo("a\\nb\\tc\\rd");
    assertThat(Cells.cell("bell\u0007 del\u007f nel\u0085", 40))
        .isEqualTo("bell\\u0007 del\\u007F nel\\u0085");
    // A right-to-left override, a zero-width space, a line separator, a lone surrogate.
    assertThat(Cells.cell("\u202Eabc\u200B\u2028\uD800", 40))
        .isEqualTo("\\u202Eabc\\u200B\\u2028\\uD800");
    // A format character beyond the BMP (a language tag), as its UTF-16 escape pair.
    assertThat(Cells.cell("\uDB40\uDC01", 40)).isEqualTo("\\uDB40\\uDC01");
  }

  @Test
  void aCutNeverSplitsAnEscapeOrACharacter() {
    // The escape of the newline would straddle the cut: it goes whole.
    assertThat(Cells.cell("abcdef\nghijkl", 10)).isEqualTo("abcdef...");
    assertThat(Cells.cell("abcde\u0001fghij", 10)).isEqualTo("abcde...");
    // Emoji outside the BMP count as one each and are kept or dropped whole.
    String emoji = "\uD83D\uDE00";
    assertThat(Cells.cell(emoji.repeat(5), 5)).isEqualTo(emoji.repeat(5));
    assertThat(Cells.cell(emoji.repeat(6), 5)).isEqualTo(emoji.repeat(2) + "...");
    assertThat(Cells.width(Cells.cell(emoji.repeat(6), 5))).isEqualTo(5);
  }

  @Test
  void widthsTooSmallForTheDotsAreRefused() {
    assertThatThrownBy(() -> Cells.cell("abc", 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void padFillsToTheWidthInCodePoints() {
    assertThat(Cells.pad("ab", 4)).isEqualTo("ab  ");
    assertThat(Cells.pad("\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00 ");
    assertThat(Cells.pad("abcdef", 4)).isEqualTo("abcdef");
  }
}
