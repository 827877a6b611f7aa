package com.benefits.etl.internal.rules;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.RejectReason;

/** A record's first failed check: the reason and a sentence a person can act on. */
public record Rejection(RejectReason reason, String detail) {

  public Rejection {
    requireNonNull(reason, "reason is null");
    requireNonNull(detail, "detail is null");
  }
}
