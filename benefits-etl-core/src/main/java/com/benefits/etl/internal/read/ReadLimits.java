package com.benefits.etl.internal.read;

import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.rules.Rejection;
import com.benefits.etl.internal.rules.Texts;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Every limit the events reader enforces, in one place (documented in {@code docs/limits.md}).
 * Exceeding one on an NDJSON line makes that line a {@code malformed_record}; in a JSON array it is
 * a fatal error naming the file, line and column (the array cannot be resynchronised).
 *
 * @param maxNestingDepth deepest nesting of arrays and objects in one record (Jackson's default)
 * @param maxNumberLength longest number, in characters (Jackson's default is 1,000)
 * @param maxNameLength longest field name, in characters (Jackson's default)
 * @param maxRecordBytes largest record (an array element, or an NDJSON line), in bytes; also the
 *     longest string value, in characters
 * @param rawRecordCap how many bytes of a rejected record's text go into {@code raw_record}
 * @param detailCap how many characters of a rejection's explanation go into {@code detail}
 */
public record ReadLimits(
    int maxNestingDepth,
    int maxNumberLength,
    int maxNameLength,
    int maxRecordBytes,
    int rawRecordCap,
    int detailCap) {

  /** The limits every run uses. */
  public static final ReadLimits DEFAULT =
      new ReadLimits(1_000, 10_000, 50_000, 16 << 20, 64 << 10, 1 << 10);

  public ReadLimits {
    positive(maxNestingDepth, "maxNestingDepth");
    positive(maxNumberLength, "maxNumberLength");
    positive(maxNameLength, "maxNameLength");
    positive(maxRecordBytes, "maxRecordBytes");
    positive(rawRecordCap, "rawRecordCap");
    positive(detailCap, "detailCap");
    if (rawRecordCap > maxRecordBytes) {
      throw new IllegalArgumentException("rawRecordCap is more than maxRecordBytes");
    }
  }

  private static void positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " is " + value + ", expected more than 0");
    }
  }

  /** {@code checked} with its rejection's detail cut to {@link #detailCap()} characters. */
  public CheckedRecord capDetail(CheckedRecord checked) {
    if (checked.isValid() || checked.rejection().detail().length() <= detailCap) {
      return checked;
    }
    Rejection r = checked.rejection();
    return new CheckedRecord(null, new Rejection(r.reason(), Texts.cap(r.detail(), detailCap)));
  }

  /** These limits with another nesting depth. */
  ReadLimits withMaxNestingDepth(int depth) {
    return new ReadLimits(
        depth, maxNumberLength, maxNameLength, maxRecordBytes, rawRecordCap, detailCap);
  }

  /** A Jackson factory enforcing these limits; documents of any length are allowed. */
  JsonFactory jsonFactory() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(maxNestingDepth)
            .maxNumberLength(maxNumberLength)
            .maxNameLength(maxNameLength)
            .maxStringLength(maxRecordBytes)
            .maxDocumentLength(-1)
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
  }
}
