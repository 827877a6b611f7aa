package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.rules.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One row of {@code rejected_events.parquet} (docs/spec.md 3.3).
 *
 * <p>The embedded pipeline makes most rejects on its reading thread and writes them on another, so
 * a reject can leave two pieces of work to the writer: its raw text may be held as the record's
 * UTF-8 bytes, which the writer copies into its page as they are ({@link #rawUtf8()}), and its
 * detail may be a {@link Rejection} still to be made ({@link #deferred}). Each accessor makes its
 * string once, when first asked. Not thread-safe: hand a row to another thread only after this one
 * has stopped reading it.
 */
public final class RejectedRecord {
  /**
   * What {@link #detailChars()} counts for a detail not yet made: steps 4-6 word theirs in a
   * sentence that quotes at most {@link com.benefits.etl.internal.rules.Texts#QUOTE_LIMIT}
   * characters of the record.
   */
  static final int DEFERRED_DETAIL_CHARS = 160;

  private final long recordIndex;
  private final RejectReason reason;
  private Supplier<Rejection> rejection; // the detail still to be made, or null
  private String detail;
  private String rawRecord; // null until made, when rawUtf8 holds the text
  private final byte[] rawUtf8;

  /**
   * @param recordIndex 0-based position of the record among the records read
   * @param detail a sentence a person can act on
   * @param rawRecord the record as JSON text, or the raw NDJSON line
   */
  public RejectedRecord(long recordIndex, RejectReason reason, String detail, String rawRecord) {
    this(
        recordIndex,
        reason,
        null,
        requireNonNull(detail, "detail is null"),
        requireNonNull(rawRecord, "rawRecord is null"),
        null);
  }

  private RejectedRecord(
      long recordIndex,
      RejectReason reason,
      Supplier<Rejection> rejection,
      String detail,
      String rawRecord,
      byte[] rawUtf8) {
    this.recordIndex = recordIndex;
    this.reason = requireNonNull(reason, "reason is null");
    this.rejection = rejection;
    this.detail = detail;
    this.rawRecord = rawRecord;
    this.rawUtf8 = rawUtf8;
  }

  /**
   * A reject of {@code rejection}, whose raw text is the string {@code rawRecord}, or else the
   * UTF-8 bytes {@code rawUtf8} (well formed, and kept as they are).
   */
  public static RejectedRecord of(
      long recordIndex, Rejection rejection, String rawRecord, byte[] rawUtf8) {
    checkOneRaw(rawRecord, rawUtf8);
    return new RejectedRecord(
        recordIndex, rejection.reason(), null, rejection.detail(), rawRecord, rawUtf8);
  }

  /**
   * A reject whose detail is made when first asked for, by {@code rejection}, which must give a
   * rejection of {@code reason}; its raw text as {@link #of} takes it.
   */
  public static RejectedRecord deferred(
      long recordIndex,
      RejectReason reason,
      Supplier<Rejection> rejection,
      String rawRecord,
      byte[] rawUtf8) {
    requireNonNull(rejection, "rejection is null");
    checkOneRaw(rawRecord, rawUtf8);
    return new RejectedRecord(recordIndex, reason, rejection, null, rawRecord, rawUtf8);
  }

  private static void checkOneRaw(String rawRecord, byte[] rawUtf8) {
    if ((rawRecord == null) == (rawUtf8 == null)) {
      throw new IllegalArgumentException("give the raw text either as a string or as UTF-8");
    }
  }

  /** 0-based position of the record among the records read. */
  public long recordIndex() {
    return recordIndex;
  }

  public RejectReason reason() {
    return reason;
  }

  /** A sentence a person can act on. */
  public String detail() {
    if (detail == null) {
      Rejection r = rejection.get();
      if (r.reason() != reason) {
        throw new IllegalStateException(
            "record " + recordIndex + " was rejected as " + reason + ", its detail is " + r);
      }
      detail = r.detail();
      rejection = null;
    }
    return detail;
  }

  /** The record as JSON text, or the raw NDJSON line. */
  public String rawRecord() {
    if (rawRecord == null) {
      rawRecord = new String(rawUtf8, StandardCharsets.UTF_8);
    }
    return rawRecord;
  }

  /**
   * The detail's length, or {@link #DEFERRED_DETAIL_CHARS} while it is not made: for bounding the
   * memory of rows in flight without making it.
   */
  public int detailChars() {
    return detail != null ? detail.length() : DEFERRED_DETAIL_CHARS;
  }

  /** The raw text's UTF-8 when it was given so, or null; not to be changed. */
  public byte[] rawUtf8() {
    return rawUtf8;
  }

  /** The raw text's length: in bytes when held as UTF-8, else in characters. */
  public int rawLength() {
    return rawUtf8 != null ? rawUtf8.length : rawRecord.length();
  }

  @Override
  public String toString() {
    return "RejectedRecord[recordIndex="
        + recordIndex
        + ", reason="
        + reason
        + ", detail="
        + detail()
        + ", rawRecord="
        + rawRecord()
        + "]";
  }
}
