package com.benefits.etl.generate;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.EventsFormat;
import java.nio.file.Path;

/**
 * What {@link MockDataGenerator} writes. Build with {@link #builder(Path)}; values are validated
 * once, at construction.
 *
 * @param events number of event records to write (blank NDJSON lines are not records)
 * @param users number of distinct users in {@code users.csv}
 * @param seed seed of the random stream; the same options give byte-identical files
 * @param format array or NDJSON
 * @param gzip whether the events file is gzip-compressed (adds {@code .gz})
 * @param outputDir directory the files are written into (created if missing)
 * @param mix the share of each kind of record
 */
public record GeneratorOptions(
    long events,
    int users,
    long seed,
    EventsFormat format,
    boolean gzip,
    Path outputDir,
    RecordMix mix) {

  /** Default number of events. */
  public static final long DEFAULT_EVENTS = 10_000;

  /** Default number of users. */
  public static final int DEFAULT_USERS = 1_000;

  /** Default seed. */
  public static final long DEFAULT_SEED = 42;

  public GeneratorOptions {
    if (events < 0) {
      throw new IllegalArgumentException("events is " + events + ", expected 0 or more");
    }
    if (users < 0) {
      throw new IllegalArgumentException("users is " + users + ", expected 0 or more");
    }
    requireNonNull(format, "format is null");
    requireNonNull(outputDir, "outputDir is null");
    requireNonNull(mix, "mix is null");
  }

  /** The events file name, with {@code .gz} when compressed. */
  public String eventsFileName() {
    return (format == EventsFormat.ARRAY ? "raw_events.json" : "raw_events.ndjson")
        + (gzip ? ".gz" : "");
  }

  /** A builder with the defaults, writing into {@code outputDir}. */
  public static Builder builder(Path outputDir) {
    return new Builder(outputDir);
  }

  /** Builder of {@link GeneratorOptions}. */
  public static final class Builder {
    private long events = DEFAULT_EVENTS;
    private int users = DEFAULT_USERS;
    private long seed = DEFAULT_SEED;
    private EventsFormat format = EventsFormat.ARRAY;
    private boolean gzip;
    private Path outputDir;
    private RecordMix mix = RecordMix.DEFAULT;

    private Builder(Path outputDir) {
      this.outputDir = requireNonNull(outputDir, "outputDir is null");
    }

    public Builder events(long events) {
      this.events = events;
      return this;
    }

    public Builder users(int users) {
      this.users = users;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder format(EventsFormat format) {
      this.format = requireNonNull(format, "format is null");
      return this;
    }

    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    public Builder outputDir(Path outputDir) {
      this.outputDir = requireNonNull(outputDir, "outputDir is null");
      return this;
    }

    public Builder mix(RecordMix mix) {
      this.mix = requireNonNull(mix, "mix is null");
      return this;
    }

    public GeneratorOptions build() {
      return new GeneratorOptions(events, users, seed, format, gzip, outputDir, mix);
    }
  }
}
