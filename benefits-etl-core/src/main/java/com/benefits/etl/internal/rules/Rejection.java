package com.benefits.etl.internal.rules;

import com.benefits.etl.RejectReason;

import static java.util.Objects.requireNonNull;

/** A record's first failed check: the reason and a sentence a person can act on. */
public record Rejection(RejectReason reason, String detail) {

  public Rejection {
    requireNonNull(reason, "reason is null");
    requireNonNull(detail, "detail is null");
  }
}
