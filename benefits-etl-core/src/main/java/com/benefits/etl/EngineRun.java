package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One run as an {@link EtlEngine} receives it.
 *
 * @param options what to run, as for {@link EtlPipeline}
 * @param events the events location as the user wrote it: an engine that reads other file systems
 *     takes a URI here ({@code s3a://bucket/events/}, {@code hdfs://...}), a directory or a glob;
 *     the embedded engine reads {@code options.events()}
 * @param users the users file's location as the user wrote it
 * @param output the output directory's location as the user wrote it
 * @param settings the engine's own settings (for the Spark engine, Spark properties such as {@code
 *     spark.master}); an engine refuses one it does not know
 */
public record EngineRun(
    PipelineOptions options,
    String events,
    String users,
    String output,
    Map<String, String> settings) {

  public EngineRun {
    requireNonNull(options, "options is null");
    requireNonNull(events, "events is null");
    requireNonNull(users, "users is null");
    requireNonNull(output, "output is null");
    settings = Map.copyOf(requireNonNull(settings, "settings is null"));
  }

  /** A run of {@code options}, its locations being its paths, with no engine settings. */
  public static EngineRun of(PipelineOptions options) {
    return new EngineRun(
        options,
        options.events().toString(),
        options.users().toString(),
        options.output().toString(),
        Map.of());
  }
}
