package com.benefits.etl;

/**
 * The users file's counts, as the run report gives them (docs/spec.md, "Run report").
 *
 * @param rows data rows read (the header and empty lines not counted)
 * @param users distinct users kept: the first row of each non-blank id
 * @param blankIds rows skipped because their user_id is blank
 * @param duplicateIds rows skipped because their user_id repeats an earlier row's
 * @param invalidSignupDates users kept whose signup_date is not a YYYY-MM-DD calendar date (null)
 */
public record UsersStats(
    long rows, long users, long blankIds, long duplicateIds, long invalidSignupDates) {}
