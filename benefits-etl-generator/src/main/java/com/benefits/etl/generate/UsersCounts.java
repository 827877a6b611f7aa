package com.benefits.etl.generate;

/**
 * The users-table counts a pipeline must report for the generated {@code users.csv} (docs/spec.md
 * 1.2).
 *
 * @param rows data rows after the header (every row, including skipped ones)
 * @param blankIds rows skipped because their {@code user_id} is blank
 * @param duplicateIds rows skipped because their {@code user_id} repeats an earlier row; every
 *     repeated id appears exactly twice, so this is also the number of repeated ids
 * @param invalidSignupDates rows kept whose {@code signup_date} is not a valid date (blank
 *     included); skipped rows always carry a valid date, so no reading of the rule changes this
 * @param distinctUsers users in the table, {@code rows - blankIds - duplicateIds}
 */
public record UsersCounts(
    long rows, long blankIds, long duplicateIds, long invalidSignupDates, long distinctUsers) {

  public UsersCounts {
    if (distinctUsers != rows - blankIds - duplicateIds) {
      throw new IllegalArgumentException(
          "distinctUsers " + distinctUsers + " != rows - blankIds - duplicateIds");
    }
  }
}
