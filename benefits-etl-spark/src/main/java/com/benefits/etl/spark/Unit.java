package com.benefits.etl.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One task's share of the events: a byte range of an NDJSON file, or a whole file (a JSON array or
 * a gzip file, which one task streams through the core reader). Units are numbered in the run's
 * order, files by name and ranges by offset, so record indices follow unit order.
 *
 * @param ordinal the unit's place in the run, from 0; also its Spark partition
 * @param path the file's qualified Hadoop path
 * @param display how messages name the file (as the user wrote it, for a single file)
 * @param split true for a byte range of an NDJSON file, false for a whole file
 * @param start the range's first byte (0 for a whole file)
 * @param end the range's end, exclusive (the file's length for a whole file)
 * @param recordBase the run-wide index of the unit's first record, once counted
 * @param firstLine the file's line number of the range's first line, once counted
 */
record Unit(
    int ordinal,
    String path,
    String display,
    boolean split,
    long start,
    long end,
    long recordBase,
    long firstLine)
    implements Serializable {

  Unit {
    requireNonNull(path, "path is null");
    requireNonNull(display, "display is null");
  }

  /** This unit once the units before it are counted. */
  Unit at(long recordBase, long firstLine) {
    return new Unit(ordinal, path, display, split, start, end, recordBase, firstLine);
  }
}
