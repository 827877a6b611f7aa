package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.rules.Countries;
import java.nio.file.Path;

/**
 * What one run reads, where it writes and which country it keeps. Immutable; build with {@link
 * #builder()}, whose defaults are the original tool's: {@code raw_events.json} and {@code
 * users.csv} in the current directory, output to {@code output/}, country {@code US}.
 *
 * @param country the target country, already normalised (so {@code "usa"} is stored as {@code
 *     "US"})
 */
public record PipelineOptions(Path events, Path users, Path output, String country) {

  public PipelineOptions {
    requireNonNull(events, "events is null");
    requireNonNull(users, "users is null");
    requireNonNull(output, "output is null");
    requireNonNull(country, "country is null");
    String normalised = Countries.normalize(country);
    if (normalised == null) {
      throw new IllegalArgumentException("country is blank");
    }
    country = normalised;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the original tool's defaults. */
  public static final class Builder {
    private Path events = Path.of("raw_events.json");
    private Path users = Path.of("users.csv");
    private Path output = Path.of("output");
    private String country = "US";

    public Builder events(Path events) {
      this.events = events;
      return this;
    }

    public Builder users(Path users) {
      this.users = users;
      return this;
    }

    public Builder output(Path output) {
      this.output = output;
      return this;
    }

    /** The country to keep; normalised like the users file's countries. */
    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public PipelineOptions build() {
      return new PipelineOptions(events, users, output, country);
    }
  }
}
