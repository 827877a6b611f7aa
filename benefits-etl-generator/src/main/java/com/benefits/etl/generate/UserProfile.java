package com.benefits.etl.generate;

import static java.util.Objects.requireNonNull;

/**
 * One generated user, as its first (winning) row in {@code users.csv} describes it.
 *
 * @param index 0-based user number
 * @param id the trimmed user id
 * @param numeric whether the id is all digits (events may then carry it as a JSON integer)
 * @param us whether the first row's country normalises to {@code US}
 * @param csvId the id as written in the CSV (may have surrounding whitespace)
 * @param country the country as written
 * @param signupDate the signup date as written
 * @param signupValid whether {@code signupDate} is a valid {@code YYYY-MM-DD} date
 * @param plan the extra column's value
 * @param duplicated whether a second, losing row with this id follows
 */
record UserProfile(
    int index,
    String id,
    boolean numeric,
    boolean us,
    String csvId,
    String country,
    String signupDate,
    boolean signupValid,
    String plan,
    boolean duplicated) {

  UserProfile {
    requireNonNull(id, "id is null");
    requireNonNull(csvId, "csvId is null");
    requireNonNull(country, "country is null");
    requireNonNull(signupDate, "signupDate is null");
    requireNonNull(plan, "plan is null");
  }
}
