package com.benefits.etl.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParquetWriterOptionsTest {

  @Test
  void defaults() {
    assertThat(ParquetWriterOptions.defaults())
        .isEqualTo(new ParquetWriterOptions(64L * 1024 * 1024, 1024 * 1024, 1024 * 1024))
        .isEqualTo(ParquetWriterOptions.builder().build());
    assertThat(ParquetWriterOptions.defaults().toString())
        .isEqualTo(
            "ParquetWriterOptions[rowGroupSizeBytes=67108864, pageSizeBytes=1048576,"
                + " dictionaryPageSizeBytes=1048576]");
  }

  @Test
  void builderSetsEverySize() {
    assertThat(
            ParquetWriterOptions.builder()
                .rowGroupSizeBytes(3_000_000_000L)
                .pageSizeBytes(2)
                .dictionaryPageSizeBytes(3)
                .build())
        .isEqualTo(new ParquetWriterOptions(3_000_000_000L, 2, 3));
  }

  @Test
  void sizesMustBePositive() {
    assertThatThrownBy(() -> ParquetWriterOptions.builder().rowGroupSizeBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rowGroupSizeBytes must be positive, got 0");
    assertThatThrownBy(() -> ParquetWriterOptions.builder().pageSizeBytes(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSizeBytes must be positive, got -1");
    assertThatThrownBy(() -> ParquetWriterOptions.builder().dictionaryPageSizeBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dictionaryPageSizeBytes must be positive, got 0");
  }

  @Test
  void pageMustFitInARowGroup() {
    assertThatThrownBy(() -> new ParquetWriterOptions(1024, 2048, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSizeBytes (2048) must not exceed rowGroupSizeBytes (1024)");
  }
}
