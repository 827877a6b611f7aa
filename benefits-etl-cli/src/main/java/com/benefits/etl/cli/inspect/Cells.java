package com.benefits.etl.cli.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Text made safe for one cell of a terminal table: control characters, line and paragraph
 * separators, lone surrogates and invisible format characters (such as a right-to-left override)
 * are escaped as {@code \n}, {@code \t}, {@code \r} or {@code \}{@code uXXXX}; then the text is cut
 * to a width in code points, ending in {@code ...} when cut. A backslash is left as it is, so
 * {@code \n} in the output may also be a backslash and an {@code n} in the data.
 */
final class Cells {
  static final String CUT = "...";

  private Cells() {}

  /** {@code text} escaped and cut to at most {@code width} code points (at least 4). */
  static String cell(String text, int width) {
    if (width <= CUT.length()) {
      throw new IllegalArgumentException("width " + width + " is not above " + CUT.length());
    }
    // Each piece is one code point, or the escape of one: a cut never splits either.
    List<String> pieces = new ArrayList<>();
    int points = 0;
    for (int i = 0; i < text.length() && points <= width; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      String piece = escape(c);
      pieces.add(piece);
      points += width(piece);
    }
    if (points > width) {
      while (points > width - CUT.length()) {
        points -= width(pieces.remove(pieces.size() - 1));
      }
      pieces.add(CUT);
    }
    return String.join("", pieces);
  }

  /** The code points of {@code s}: its width in a table (wide characters aside). */
  static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  /** {@code s} padded with spaces to {@code width} code points. */
  static String pad(String s, int width) {
    int missing = width - width(s);
    return missing <= 0 ? s : s + " ".repeat(missing);
  }

  /** {@code c} as it is shown: itself, or its escape. */
  private static String escape(int c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\t':
        return "\\t";
      case '\r':
        return "\\r";
      default:
        break;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE -> {
        StringBuilder b = new StringBuilder();
        for (char unit : Character.toChars(c)) {
          b.append(String.format("\\u%04X", (int) unit));
        }
        yield b.toString();
      }
      default -> Character.toString(c);
    };
  }
}
