package com.benefits.etl.internal.engine;

import com.benefits.etl.EngineRun;
import com.benefits.etl.EtlEngine;
import com.benefits.etl.EtlEngines;
import com.benefits.etl.EtlPipeline;
import com.benefits.etl.RunResult;
import java.util.Optional;

/** The embedded engine ({@link EtlPipeline}) as an {@link EtlEngine}: the default. */
public final class EmbeddedEngine implements EtlEngine {

  @Override
  public String name() {
    return EtlEngines.DEFAULT;
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  @Override
  public RunResult run(EngineRun run) {
    if (!run.settings().isEmpty()) {
      throw new IllegalArgumentException(
          "the embedded engine takes no engine settings, got " + run.settings().keySet());
    }
    return EtlPipeline.of(run.options()).run();
  }
}
