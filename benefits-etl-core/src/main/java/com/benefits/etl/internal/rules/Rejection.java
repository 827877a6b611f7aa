package com.benefits.etl.internal.rules;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.RejectReason;

/**
 * A record's first failed check: the reason and a sentence a person can act on. Steps 1–3 are
 * worded by {@link RecordChecker}; steps 4–6 by the factories here, so that every engine words them
 * alike.
 */
public record Rejection(RejectReason reason, String detail) {

  public Rejection {
    requireNonNull(reason, "reason is null");
    requireNonNull(detail, "detail is null");
  }

  /** Step 4: the record repeats the one at {@code firstIndex}. */
  public static Rejection duplicate(long firstIndex) {
    return new Rejection(
        RejectReason.DUPLICATE,
        "same user_id, event_type, timestamp and value as record " + firstIndex);
  }

  /** Step 5: no user {@code userId} (trimmed) in the users file. */
  public static Rejection unknownUser(String userId) {
    return new Rejection(
        RejectReason.UNKNOWN_USER, "user_id " + Texts.quote(userId) + " is not in the users file");
  }

  /**
   * Step 6: the user's country is not the target.
   *
   * @param userCountry the user's normalised country, or null when the users file has none
   */
  public static Rejection filteredCountry(String userId, String userCountry, String target) {
    String user = Texts.quote(userId);
    return new Rejection(
        RejectReason.FILTERED_COUNTRY,
        userCountry == null
            ? "user " + user + " has no country, not " + target
            : "user " + user + " is in " + userCountry + ", not " + target);
  }
}
