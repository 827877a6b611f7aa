package com.benefits.etl.generate;

/**
 * What steps 5 and 6 (docs/spec.md, section 2) make of a record's user, with target country {@code
 * US}.
 */
enum UserFate {
  /** Known user whose country is US: the record is clean. */
  US,
  /** Known user of another or no country: {@code filtered_country}. */
  NON_US,
  /** Not in {@code users.csv}: {@code unknown_user}. */
  UNKNOWN
}
