package com.benefits.etl.cli;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.generate.ExpectedCounts;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code etl generate}: writes mock events, users and a manifest of the expected counts. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes mock benefits-engagement data with dirty records of every kind: raw_events.json"
          + " (or .ndjson, optionally .gz), users.csv, and manifest.json with the exact counts"
          + " a correct pipeline reports (target country US)."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--events",
      paramLabel = "N",
      description = "Event records to write (default: ${DEFAULT-VALUE}).")
  private long events = GeneratorOptions.DEFAULT_EVENTS;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Distinct users (default: ${DEFAULT-VALUE}).")
  private int users = GeneratorOptions.DEFAULT_USERS;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  private long seed = GeneratorOptions.DEFAULT_SEED;

  @Option(
      names = "--format",
      paramLabel = "array|ndjson",
      converter = FormatConverter.class,
      description = "Events layout: array or ndjson, any case (default: array).")
  private EventsFormat format = EventsFormat.ARRAY;

  @Option(names = "--gzip", description = "Gzip the events file (adds .gz).")
  private boolean gzip;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      required = true,
      description = "Directory to write into (created if missing).")
  private Path output;

  @Override
  public Integer call() throws Exception {
    GeneratorOptions options;
    try {
      options =
          GeneratorOptions.builder(output)
              .events(events)
              .users(users)
              .seed(seed)
              .format(format)
              .gzip(gzip)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    GeneratedData data = new MockDataGenerator(options).generate();
    ExpectedCounts c = data.expected();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Wrote %d records (%d clean, %d rejected) to %s, %d users rows to %s, expected counts in %s%n",
        c.recordsRead(),
        c.clean(),
        c.totalRejected(),
        data.events(),
        c.users().rows(),
        data.users(),
        data.manifest());
    out.flush();
    return 0;
  }

  /** Case-insensitive {@code array} or {@code ndjson}, whatever the command line's settings. */
  static final class FormatConverter implements ITypeConverter<EventsFormat> {
    @Override
    public EventsFormat convert(String value) {
      for (EventsFormat f : EventsFormat.values()) {
        if (f.name().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new TypeConversionException("expected array or ndjson, found '" + value + "'");
    }
  }
}
