package com.benefits.etl.internal.write;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.RejectedRecord;
import com.benefits.etl.internal.rules.Rejection;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncEventWriterTest {
  @TempDir Path dir;

  private static CleanEvent clean(int i) {
    return new CleanEvent("u" + i, null, "t" + i, i, 0, null, null, null, null, "US");
  }

  @Test
  void keepsTheOrderOfEachFileAcrossManyBatches() throws Exception {
    int rows = AsyncEventWriter.BATCH_ROWS * 5 + 17;
    java.util.List<Long> keys = new java.util.ArrayList<>();
    try (AsyncEventWriter writer =
        new AsyncEventWriter(
            CleanEventsWriter.open(dir.resolve("c.parquet")),
            RejectsWriter.open(dir.resolve("r.parquet")),
            keys::add)) {
      for (int i = 0; i < rows; i++) {
        writer.clean(clean(i), i);
        if (i % 3 == 0) {
          writer.reject(new RejectedRecord(i, RejectReason.DUPLICATE, "d", "{}"));
        }
      }
      writer.finish();
    }
    var cleanRows =
        query("SELECT timestamp_dt FROM read_parquet(" + literal(dir.resolve("c.parquet")) + ")");
    assertThat(cleanRows).hasSize(rows);
    assertThat(keys).hasSize(rows).isSorted();
    for (int i = 0; i < rows; i++) {
      assertThat(cleanRows.get(i).get("timestamp_dt"))
          .isEqualTo(java.time.Instant.EPOCH.plusNanos(i * 1000L));
    }
    assertThat(
            query(
                "SELECT count(*) AS n, bool_and(record_index % 3 = 0) AS ok FROM read_parquet("
                    + literal(dir.resolve("r.parquet"))
                    + ")"))
        .containsExactly(Map.of("n", (long) (rows + 2) / 3, "ok", true));
  }

  /**
   * A reject handed over with its detail still to make and its raw text as bytes is written whole,
   * and its detail is made by the writer thread: that work leaves the reading thread.
   */
  @Test
  void theWriterThreadMakesADeferredDetail() throws Exception {
    java.util.Set<String> makers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Path rejects = dir.resolve("r.parquet");
    try (AsyncEventWriter writer =
        new AsyncEventWriter(
            CleanEventsWriter.open(dir.resolve("c.parquet")),
            RejectsWriter.open(rejects),
            key -> {})) {
      for (int i = 0; i < 3; i++) {
        long first = i;
        writer.reject(
            RejectedRecord.deferred(
                10 + i,
                RejectReason.DUPLICATE,
                () -> {
                  makers.add(Thread.currentThread().getName());
                  return Rejection.duplicate(first);
                },
                null,
                ("{\"n\":\"é" + i + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      writer.finish();
    }
    assertThat(makers).containsExactly("parquet-writer");
    assertThat(
            query(
                "SELECT detail, raw_record FROM read_parquet("
                    + literal(rejects)
                    + ") WHERE record_index = 12"))
        .containsExactly(
            Map.of("detail", Rejection.duplicate(2).detail(), "raw_record", "{\"n\":\"é2\"}"));
  }

  @Test
  void finishRowsPassesOnEveryKeyAndTheWriterThreadClosesTheFiles() throws Exception {
    int rows = AsyncEventWriter.BATCH_ROWS * 3 + 5;
    java.util.List<Long> keys = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Path cleanFile = dir.resolve("c.parquet");
    try (AsyncEventWriter writer =
        new AsyncEventWriter(
            CleanEventsWriter.open(cleanFile),
            RejectsWriter.open(dir.resolve("r.parquet")),
            keys::add)) {
      for (int i = 0; i < rows; i++) {
        writer.clean(clean(i), i);
      }
      writer.finishRows();
      assertThat(keys).as("every key, before finishRows returns").hasSize(rows);
      writer.finish();
      // Complete files without the main thread closing anything: DuckDB reads the footers.
      assertThat(query("SELECT count(*) AS n FROM read_parquet(" + literal(cleanFile) + ")"))
          .containsExactly(Map.of("n", (long) rows));
      assertThat(
              query(
                  "SELECT count(*) AS n FROM read_parquet("
                      + literal(dir.resolve("r.parquet"))
                      + ")"))
          .containsExactly(Map.of("n", 0L));
    }
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
  void aFileThatFailsToCloseOnTheWriterThreadFailsFinish() throws Exception {
    // /dev/full takes the buffered bytes, then refuses them (no space) when they are flushed.
    try (AsyncEventWriter writer =
        new AsyncEventWriter(
            CleanEventsWriter.open(Path.of("/dev/full")),
            RejectsWriter.open(dir.resolve("r.parquet")),
            k -> {})) {
      writer.clean(clean(1), 1);
      writer.finishRows();
      assertThatThrownBy(writer::finish)
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessageContaining("No space left");
    }
  }

  @Test
  void aFailingWriterStopsTheReaderWithTheCause() throws Exception {
    ParquetTableWriter<CleanEvent> broken = CleanEventsWriter.open(dir.resolve("c.parquet"));
    broken.close();
    try (AsyncEventWriter writer =
        new AsyncEventWriter(broken, RejectsWriter.open(dir.resolve("r.parquet")), k -> {})) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < AsyncEventWriter.BATCH_ROWS * 100; i++) {
                  writer.clean(clean(i), i);
                }
                writer.finish();
              })
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }
}
