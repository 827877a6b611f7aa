package com.benefits.etl.generate;

/**
 * The share of each kind of event record the generator writes, each a probability in [0, 1]. The
 * rest of the records are fresh, well-formed records whose fate is decided by their user: clean,
 * {@code unknown_user} or {@code filtered_country}.
 *
 * @param malformed records rejected as {@code malformed_record}
 * @param missingUserId records rejected as {@code missing_user_id}
 * @param invalidTimestamp records rejected as {@code invalid_timestamp}
 * @param duplicate copies of an earlier eligible record, rejected as {@code duplicate}
 * @param lookalike records that resemble an earlier one but are not duplicates of it
 * @param unknownUser share of fresh records whose user is not in {@code users.csv}
 * @param nonUsUser share of users whose (first) country row is not the US
 * @param blankLine NDJSON only: share of records preceded by a blank line (not a record)
 */
public record RecordMix(
    double malformed,
    double missingUserId,
    double invalidTimestamp,
    double duplicate,
    double lookalike,
    double unknownUser,
    double nonUsUser,
    double blankLine) {

  /** The default mix: roughly 15% of the records are rejected, for every reason. */
  public static final RecordMix DEFAULT =
      new RecordMix(0.03, 0.02, 0.03, 0.03, 0.015, 0.03, 0.12, 0.005);

  public RecordMix {
    check("malformed", malformed);
    check("missingUserId", missingUserId);
    check("invalidTimestamp", invalidTimestamp);
    check("duplicate", duplicate);
    check("lookalike", lookalike);
    check("unknownUser", unknownUser);
    check("nonUsUser", nonUsUser);
    check("blankLine", blankLine);
    double perRecord = malformed + missingUserId + invalidTimestamp + duplicate + lookalike;
    if (perRecord > 1.0) {
      throw new IllegalArgumentException(
          "record shares add up to " + perRecord + ", expected at most 1.0");
    }
  }

  private static void check(String name, double share) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException(name + " share is " + share + ", expected 0.0 to 1.0");
    }
  }
}
