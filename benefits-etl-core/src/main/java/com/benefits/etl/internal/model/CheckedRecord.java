package com.benefits.etl.internal.model;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.rules.Rejection;

/**
 * The outcome of steps 1–3 for one record: either a {@link ValidEvent} or a {@link Rejection}.
 * Exactly one of the two is non-null.
 */
public record CheckedRecord(ValidEvent event, Rejection rejection) {

  public CheckedRecord {
    if ((event == null) == (rejection == null)) {
      throw new IllegalArgumentException("exactly one of event and rejection must be set");
    }
  }

  public static CheckedRecord valid(ValidEvent event) {
    return new CheckedRecord(event, null);
  }

  public static CheckedRecord rejected(RejectReason reason, String detail) {
    return new CheckedRecord(null, new Rejection(reason, detail));
  }

  public boolean isValid() {
    return event != null;
  }
}
