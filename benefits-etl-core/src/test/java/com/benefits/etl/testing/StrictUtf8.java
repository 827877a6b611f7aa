package com.benefits.etl.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/** The oracle for well-formed UTF-8 in tests: the JDK's own decoder, independent of our code. */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** Whether Java's decoder, set to report every malformed or unmappable input, takes the bytes. */
  public static boolean accepts(byte[] data) {
    try {
      UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
