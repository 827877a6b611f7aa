package com.benefits.etl.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What one {@link MockDataGenerator#generate()} run wrote, and what a pipeline must make of it.
 *
 * @param events the events file
 * @param users the users file
 * @param manifest {@code manifest.json}, the expected counts as JSON
 * @param expected the expected counts
 */
public record GeneratedData(Path events, Path users, Path manifest, ExpectedCounts expected) {

  public GeneratedData {
    requireNonNull(events, "events is null");
    requireNonNull(users, "users is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(expected, "expected is null");
  }
}
