package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.rules.Countries;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run reads, where it writes, which country it keeps and which quality gates it checks.
 * Immutable; build with {@link #builder()}, whose defaults are the original tool's: {@code
 * raw_events.json} and {@code users.csv} in the current directory, output to {@code output/},
 * country {@code US}; plus the default {@link QualityGates} and scratch space in the output
 * directory.
 *
 * @param events the events file; {@code -} reads standard input
 * @param country the target country, already normalised (so {@code "usa"} is stored as {@code
 *     "US"})
 * @param scratch where the run's spill files go (a directory of its own is made inside, and removed
 *     at the end); empty: inside the output directory
 * @param reportHtml whether the run also writes {@code report.html}
 */
public record PipelineOptions(
    Path events,
    Path users,
    Path output,
    String country,
    QualityGates qualityGates,
    Optional<Path> scratch,
    boolean reportHtml) {

  /** The events path that means standard input. */
  public static final Path STANDARD_INPUT = Path.of("-");

  public PipelineOptions {
    requireNonNull(events, "events is null");
    requireNonNull(users, "users is null");
    requireNonNull(output, "output is null");
    requireNonNull(country, "country is null");
    requireNonNull(qualityGates, "qualityGates is null");
    requireNonNull(scratch, "scratch is null");
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
    private QualityGates qualityGates = QualityGates.defaults();
    private Path scratch;
    private boolean reportHtml = true;

    /** The events file, or {@link #STANDARD_INPUT}. */
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

    /** The gates checked before publishing; {@link QualityGates#off()} checks none. */
    public Builder qualityGates(QualityGates qualityGates) {
      this.qualityGates = qualityGates;
      return this;
    }

    /** A directory for the spill files; null (the default) keeps them in the output directory. */
    public Builder scratch(Path scratch) {
      this.scratch = scratch;
      return this;
    }

    /** Whether to write {@code report.html} too (the default). */
    public Builder reportHtml(boolean reportHtml) {
      this.reportHtml = reportHtml;
      return this;
    }

    public PipelineOptions build() {
      return new PipelineOptions(
          events, users, output, country, qualityGates, Optional.ofNullable(scratch), reportHtml);
    }
  }
}
