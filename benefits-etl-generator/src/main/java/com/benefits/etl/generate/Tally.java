package com.benefits.etl.generate;

import com.benefits.etl.RejectReason;
import java.util.EnumMap;
import java.util.Map;

/** Counts the fate of every record as it is written. */
final class Tally {
  private final long[] rejected = new long[RejectReason.values().length];
  private final DailyPairs daily = new DailyPairs();
  private long clean;
  private long blankLines;

  void reject(RejectReason reason) {
    rejected[reason.ordinal()]++;
  }

  /** A record that passed steps 1 to 4: its user decides the rest. */
  void byUser(EventDraft d) {
    switch (d.userFate) {
      case US -> {
        clean++;
        daily.add(d.day(), d.userIndex);
      }
      case NON_US -> reject(RejectReason.FILTERED_COUNTRY);
      case UNKNOWN -> reject(RejectReason.UNKNOWN_USER);
      default -> throw new IllegalStateException("fate " + d.userFate);
    }
  }

  void blankLine() {
    blankLines++;
  }

  DailyPairs daily() {
    return daily;
  }

  ExpectedCounts counts(long recordsRead, UsersCounts users) {
    Map<RejectReason, Long> map = new EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      map.put(reason, rejected[reason.ordinal()]);
    }
    return new ExpectedCounts(recordsRead, clean, map, daily.total(), blankLines, users);
  }
}
