package com.benefits.etl.rules;

/** Small text rules shared by every engine: trimming ids and quoting values in messages. */
public final class Texts {
  /** Values quoted in messages are cut to this many characters. */
  public static final int QUOTE_LIMIT = 80;

  private Texts() {}

  /**
   * Trims surrounding whitespace (Unicode white space, as {@link String#strip()}), returning
   * null when nothing is left. Used for event and users-file user ids alike.
   */
  public static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** The value in double quotes, cut to {@link #QUOTE_LIMIT} characters, for messages. */
  public static String quote(String s) {
    if (s.length() <= QUOTE_LIMIT) {
      return '"' + s + '"';
    }
    return '"' + s.substring(0, QUOTE_LIMIT) + "\"… (" + s.length() + " characters)";
  }

  /**
   * {@code s} itself when at most {@code max} characters, else its first {@code max} characters
   * (never splitting a surrogate pair) and a marker giving the full length.
   */
  public static String cap(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, cut) + "… [cut: first " + cut + " of " + s.length() + " characters]";
  }
}
