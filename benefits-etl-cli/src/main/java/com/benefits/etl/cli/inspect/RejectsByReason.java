package com.benefits.etl.cli.inspect;

import com.benefits.etl.RejectReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.schema.MessageType;

/**
 * The rejects counted by reason, with the first rejected row of each reason as an example. Two
 * passes: the first reads only the {@code reason} column; the second reads whole rows, only from
 * the row groups that hold an example, and stops when it has them all.
 */
final class RejectsByReason {
  static final String REASON = "reason";
  static final List<String> EXAMPLE_COLUMNS = List.of("record_index", "detail", "raw_record");

  /** One reason: how many rows have it, and the first of them (column name to value). */
  record Reason(String reason, long rows, Map<String, String> example) {}

  private RejectsByReason() {}

  /** Empty when the output has no top-level {@code reason} column. */
  static Optional<List<Reason>> of(ParquetOutput rejects) {
    MessageType schema = rejects.schema();
    if (!schema.containsField(REASON) || !schema.getType(REASON).isPrimitive()) {
      return Optional.empty();
    }
    Map<String, Long> counts = new HashMap<>();
    Map<String, ParquetOutput.RowPosition> first = new LinkedHashMap<>();
    rejects.scan(
        List.of(REASON),
        (part, group) -> true,
        (position, row) -> {
          String reason = Values.field(row, REASON);
          counts.merge(reason, 1L, Long::sum);
          first.putIfAbsent(reason, position);
          return true;
        });

    List<String> columns = new ArrayList<>();
    for (String name : EXAMPLE_COLUMNS) {
      if (schema.containsField(name)) {
        columns.add(name);
      }
    }
    Map<ParquetOutput.RowPosition, Map<String, String>> examples = new HashMap<>();
    if (!columns.isEmpty()) {
      Set<ParquetOutput.RowPosition> wanted = new HashSet<>(first.values());
      Set<List<Integer>> groups = new HashSet<>();
      wanted.forEach(p -> groups.add(List.of(p.part(), p.rowGroup())));
      rejects.scan(
          columns,
          (part, group) -> groups.contains(List.of(part, group)),
          (position, row) -> {
            if (wanted.remove(position)) {
              Map<String, String> example = new LinkedHashMap<>();
              columns.forEach(c -> example.put(c, Values.field(row, c)));
              examples.put(position, example);
            }
            return !wanted.isEmpty();
          });
    }

    List<Reason> reasons = new ArrayList<>();
    first.forEach(
        (reason, position) ->
            reasons.add(
                new Reason(reason, counts.get(reason), examples.getOrDefault(position, Map.of()))));
    reasons.sort(
        Comparator.comparingInt((Reason r) -> order(r.reason())).thenComparing(Reason::reason));
    return Optional.of(reasons);
  }

  /** SPEC order for the contract's reasons; any other after them. */
  private static int order(String reason) {
    for (RejectReason r : RejectReason.values()) {
      if (r.code().equals(reason)) {
        return r.ordinal();
      }
    }
    return RejectReason.values().length;
  }
}
