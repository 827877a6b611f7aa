package com.benefits.etl.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.rules.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A reject's detail made later, and its raw text held as UTF-8, read as the eager row reads. */
class RejectedRecordTest {
  @Test
  void aDeferredDetailIsMadeOnceWhenFirstAskedFor() {
    AtomicInteger made = new AtomicInteger();
    RejectedRecord row =
        RejectedRecord.deferred(
            7,
            RejectReason.FILTERED_COUNTRY,
            () -> {
              made.incrementAndGet();
              return Rejection.filteredCountry("u1", "CA", "US");
            },
            "{}",
            null);
    assertThat(made).hasValue(0);
    assertThat(row.detailChars()).isEqualTo(RejectedRecord.DEFERRED_DETAIL_CHARS);
    String detail = Rejection.filteredCountry("u1", "CA", "US").detail();
    assertThat(row.detail()).isEqualTo(detail);
    assertThat(row.detail()).isSameAs(row.detail());
    assertThat(made).hasValue(1);
    assertThat(row.detailChars()).isEqualTo(detail.length());
    assertThat(row.reason()).isEqualTo(RejectReason.FILTERED_COUNTRY);
    assertThat(row.recordIndex()).isEqualTo(7);
  }

  @Test
  void aDeferredDetailOfAnotherReasonIsRefused() {
    RejectedRecord row =
        RejectedRecord.deferred(
            3, RejectReason.UNKNOWN_USER, () -> Rejection.duplicate(1), "{}", null);
    assertThatThrownBy(row::detail)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("record 3 was rejected as unknown_user");
  }

  @Test
  void aRawTextGivenAsUtf8ReadsAsTheSameString() {
    String text = "{\"user_id\":\"u1\",\"page\":\"visión\",\"note\":\"😀 €\"}";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    RejectedRecord row = RejectedRecord.of(0, Rejection.duplicate(0), null, utf8);
    assertThat(row.rawUtf8()).isSameAs(utf8);
    assertThat(row.rawRecord()).isEqualTo(text);
    assertThat(row.rawLength()).isEqualTo(utf8.length);
    RejectedRecord asString = RejectedRecord.of(0, Rejection.duplicate(0), text, null);
    assertThat(asString.rawUtf8()).isNull();
    assertThat(asString.rawLength()).isEqualTo(text.length());
    assertThat(asString.toString()).isEqualTo(row.toString());
  }

  @Test
  void theRawTextIsGivenOneWayExactly() {
    assertThatThrownBy(() -> RejectedRecord.of(0, Rejection.duplicate(0), "{}", new byte[] {'x'}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RejectedRecord.deferred(
                    0, RejectReason.DUPLICATE, () -> Rejection.duplicate(0), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
