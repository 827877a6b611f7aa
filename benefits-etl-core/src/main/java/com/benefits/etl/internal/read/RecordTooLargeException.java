package com.benefits.etl.internal.read;

import java.io.IOException;

/**
 * Thrown through the JSON parser when one array element grows past {@link
 * ReadLimits#maxRecordBytes()}.
 */
final class RecordTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  RecordTooLargeException(int limit) {
    super("a single record is larger than the limit of " + limit + " bytes");
  }
}
