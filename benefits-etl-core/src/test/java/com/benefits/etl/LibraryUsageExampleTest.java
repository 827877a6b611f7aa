package com.benefits.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Usage as a library" example, compiled and run as written there. */
class LibraryUsageExampleTest {

  @Test
  void readmeExampleRuns(@TempDir Path dir) {
    TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    Path eventsPath = dir.resolve("raw_events.json");
    Path usersPath = dir.resolve("users.csv");
    Path outputDir = dir.resolve("output");

    // --- README example begins ---
    PipelineOptions options =
        PipelineOptions.builder()
            .events(eventsPath)
            .users(usersPath)
            .output(outputDir)
            .country("US")
            .build();
    RunResult result = EtlPipeline.of(options).run();

    System.out.println("Clean events: " + result.cleanEvents());
    System.out.println("Daily summary: " + result.dailySummaryRows());
    System.out.println("Duplicates: " + result.rejected(RejectReason.DUPLICATE));
    System.out.println("Parquet: " + result.cleanEventsFile());
    // --- README example ends ---

    assertThat(result.cleanEvents()).isEqualTo(5);
    assertThat(result.dailySummaryRows()).isEqualTo(3);
    assertThat(result.rejected(RejectReason.DUPLICATE)).isEqualTo(3);
    assertThat(result.cleanEventsFile()).isRegularFile();
    assertThat(EtlPipeline.of(eventsPath, usersPath, dir.resolve("again")).run())
        .satisfies(again -> assertThat(again.cleanEvents()).isEqualTo(5));
  }
}
