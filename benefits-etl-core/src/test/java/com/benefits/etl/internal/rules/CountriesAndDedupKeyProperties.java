package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Countries#normalize} and {@link DedupKey} against independent statements of docs/spec.md
 * 1.2 and step 4.
 */
class CountriesAndDedupKeyProperties {

  @Provide
  Arbitrary<String> countries() {
    Arbitrary<String> core =
        Arbitraries.oneOf(
            Arbitraries.of(
                "us",
                "USA",
                "usa",
                "United States",
                "united states of america",
                "UNITED STATES",
                "UNITED  STATES",
                "U.S.",
                "ca",
                "De",
                "ß",
                "ﬁ",
                "i̇",
                "ı",
                ""),
            Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> space =
        Arbitraries.of("", " ", "  ", "\t", "\u2003", "\n", " \t ", "\u00a0", "\u001c");
    return Combinators.combine(space, core, space).as((a, c, b) -> a + c + b);
  }

  /**
   * docs/spec.md 1.2 with its decision that whitespace is the Unicode White_Space property (so
   * no-break spaces are trimmed, and the control characters U+001C–U+001F that {@link
   * String#strip()} also removes are not).
   */
  static String reference(String raw) {
    String t = raw.replaceAll("^\\p{IsWhite_Space}+|\\p{IsWhite_Space}+$", "");
    if (t.isEmpty()) {
      return null;
    }
    String u = t.toUpperCase(Locale.ROOT);
    return u.equals("USA") || u.equals("UNITED STATES") || u.equals("UNITED STATES OF AMERICA")
        ? "US"
        : u;
  }

  @Property(tries = 1000)
  void normalisationFollowsTheSpec(@ForAll("countries") String raw) {
    assertThat(Countries.normalize(raw)).isEqualTo(reference(raw));
  }

  @Property(tries = 1000)
  void normalisationIsIdempotent(@ForAll("countries") String raw) {
    String once = Countries.normalize(raw);
    assertThat(once == null ? null : Countries.normalize(once)).isEqualTo(once);
  }

  record Fields(String userId, String eventType, String timestamp, Double value) {}

  @Provide
  Arbitrary<Fields> fields() {
    return Combinators.combine(
            Arbitraries.of("u1", "u2", "7"),
            Arbitraries.of("login", "LOGIN", "").injectNull(0.3),
            Arbitraries.of(
                "2024-03-15T14:22:05Z", "2024-03-15T14:22:05.000Z", "2024-03-15 14:22:05"),
            Arbitraries.of(0.0, -0.0, 10.0, 1e-300, Double.MIN_VALUE, -1.5, 1e308, 0.1 + 0.2, 0.3)
                .injectNull(0.3))
        .as(Fields::new);
  }

  static boolean sameRecordForStep4(Fields a, Fields b) {
    boolean sameValue =
        a.value == null
            ? b.value == null
            : b.value != null && a.value.doubleValue() == b.value.doubleValue();
    return a.userId.equals(b.userId)
        && Objects.equals(a.eventType, b.eventType)
        && a.timestamp.equals(b.timestamp)
        && sameValue;
  }

  static DedupKey key(Fields f) {
    return DedupKey.of(f.userId, f.eventType, f.timestamp, f.value);
  }

  @Property(tries = 2000)
  void keysAreEqualExactlyWhenStep4SaysDuplicate(
      @ForAll("fields") Fields a, @ForAll("fields") Fields b) {
    assertThat(key(a).equals(key(b))).as("%s vs %s", a, b).isEqualTo(sameRecordForStep4(a, b));
    if (key(a).equals(key(b))) {
      assertThat(key(a).hashCode()).isEqualTo(key(b).hashCode());
    }
  }
}
