package com.benefits.etl.spark;

import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.read.EventReader;
import com.benefits.etl.internal.read.NdjsonSplitReader;
import com.benefits.etl.internal.read.ReadLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * The records of one {@link Unit}, read and checked (steps 1-3) inside a task by the core module's
 * readers, on the file's raw bytes: an NDJSON range through {@link NdjsonSplitReader}, a whole file
 * through {@link EventReader}. Indices are run-wide once the unit is counted.
 */
final class UnitRecords implements AutoCloseable {
  private final Unit unit;
  private final NdjsonSplitReader split;
  private final EventReader whole;
  private long local = -1;
  private boolean closed;

  private UnitRecords(Unit unit, NdjsonSplitReader split, EventReader whole) {
    this.unit = unit;
    this.split = split;
    this.whole = whole;
  }

  static UnitRecords open(Unit unit, Configuration conf) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(unit.path());
    Path display = Path.of(unit.display());
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (unit.split()) {
        FSDataInputStream in = fs.open(path);
        try {
          in.seek(Math.max(0, unit.start() - 1));
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
        return new UnitRecords(
            unit,
            NdjsonSplitReader.open(
                display, in, unit.start(), unit.end(), unit.firstLine(), ReadLimits.DEFAULT),
            null);
      }
      return new UnitRecords(
          unit, null, EventReader.open(display, () -> fs.open(path), ReadLimits.DEFAULT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + unit.display(), e);
    }
  }

  /** Advances to the next record; false after the unit's last. */
  boolean next() {
    boolean more = split != null ? split.next() : whole.next();
    if (more) {
      local++;
    }
    return more;
  }

  /** The run-wide 0-based index of the current record. */
  long index() {
    return unit.recordBase() + local;
  }

  CheckedRecord checked() {
    return split != null ? split.checked() : whole.checked();
  }

  String rawRecord() {
    return split != null ? split.rawRecord() : whole.rawRecord();
  }

  /** The unit's lines (0 for a whole file, whose line numbers are its reader's) and records. */
  NdjsonSplitReader.Counts count() {
    if (split != null) {
      return split.count();
    }
    long records = 0;
    while (whole.next()) {
      records++;
    }
    return new NdjsonSplitReader.Counts(0, records);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (split != null) {
        split.close();
      } else {
        whole.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + unit.display(), e);
    }
  }
}
