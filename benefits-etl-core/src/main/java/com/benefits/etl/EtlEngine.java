package com.benefits.etl;

import java.util.Optional;

/**
 * An engine that runs the pipeline: the embedded one ({@link EtlPipeline}, the default) or another
 * found on the classpath, such as the Spark engine of the {@code benefits-etl-spark} jar. Engines
 * are found with {@link java.util.ServiceLoader} (see {@link EtlEngines}); every engine gives every
 * record the same fate, reason and {@code detail} (docs/spec.md, "Engines").
 */
public interface EtlEngine {

  /** The name {@code etl run --engine} selects it by, such as {@code embedded} or {@code spark}. */
  String name();

  /**
   * Empty when the engine can run in this JVM; otherwise why not, as a sentence a person can act on
   * (a library it needs is missing from the classpath, say).
   */
  Optional<String> unavailable();

  /**
   * Runs the pipeline and publishes its outputs.
   *
   * @throws BadInputException for input that stops the run; nothing is then published
   * @throws IllegalArgumentException for a setting the engine does not know
   */
  RunResult run(EngineRun run);
}
