package com.benefits.etl.spark;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.model.ValidEvent;
import com.benefits.etl.internal.read.NdjsonSplitReader;
import com.benefits.etl.internal.rules.Rejection;
import com.benefits.etl.internal.transform.KeyEncoder;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;

/** The work each task does on its {@link Unit}, one class per pass over the events. */
final class Tasks {
  private Tasks() {}

  /** What the first pass learns of a unit: its lines and records, or the fatal error it met. */
  record UnitCount(long lines, long records, FatalInput fatal) implements Serializable {}

  /** Pass 1: counts each unit's lines and records, so indices and line numbers can be global. */
  static final class Count implements Function<Unit, UnitCount> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<HadoopConf> conf;

    Count(Broadcast<HadoopConf> conf) {
      this.conf = conf;
    }

    @Override
    public UnitCount call(Unit unit) {
      try (UnitRecords records = UnitRecords.open(unit, conf.value().get())) {
        NdjsonSplitReader.Counts c = records.count();
        return new UnitCount(c.lines(), c.records(), null);
      } catch (BadInputException e) {
        return new UnitCount(0, 0, FatalInput.of(e));
      }
    }
  }

  /**
   * Pass 2: the deduplication key (SPEC step 4) of every record that passed steps 1-3, encoded
   * exactly ({@link KeyEncoder}: lone surrogates kept, -0.0 equal to 0.0), with its index.
   */
  static final class Keys implements FlatMapFunction<Iterator<Unit>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<HadoopConf> conf;

    Keys(Broadcast<HadoopConf> conf) {
      this.conf = conf;
    }

    @Override
    public Iterator<Row> call(Iterator<Unit> units) {
      KeyEncoder encoder = new KeyEncoder();
      return new RecordRows(units, conf.value()) {
        @Override
        Row row(UnitRecords r) {
          CheckedRecord checked = r.checked();
          if (!checked.isValid()) {
            return null;
          }
          int length = encoder.encode(checked.event().dedupKey());
          return RowFactory.create(Arrays.copyOf(encoder.bytes(), length), r.index());
        }
      };
    }
  }

  /**
   * Passes 3 and 4: every record's fate, in input order, given the sorted indices of the unit's
   * duplicates (each with the index of the record it repeats). Rows of one output only: the clean
   * events, or the rejects.
   */
  static final class Fates
      implements FlatMapFunction2<Iterator<Unit>, Iterator<Tuple2<Long, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<HadoopConf> conf;
    private final Broadcast<UsersLookup> users;
    private final boolean clean;

    Fates(Broadcast<HadoopConf> conf, Broadcast<UsersLookup> users, boolean clean) {
      this.conf = conf;
      this.users = users;
      this.clean = clean;
    }

    @Override
    public Iterator<Row> call(Iterator<Unit> units, Iterator<Tuple2<Long, Long>> duplicates) {
      UsersLookup lookup = users.value();
      return new RecordRows(units, conf.value()) {
        Tuple2<Long, Long> nextDuplicate = duplicates.hasNext() ? duplicates.next() : null;

        @Override
        Row row(UnitRecords r) {
          long index = r.index();
          CheckedRecord checked = r.checked();
          if (!checked.isValid()) {
            return reject(r, checked.rejection());
          }
          if (nextDuplicate != null && nextDuplicate._1() == index) {
            long first = nextDuplicate._2();
            nextDuplicate = duplicates.hasNext() ? duplicates.next() : null;
            return reject(r, Rejection.duplicate(first));
          }
          ValidEvent e = checked.event();
          int user = lookup.find(e.userId());
          if (user < 0) {
            return reject(r, Rejection.unknownUser(e.userId()));
          }
          if (!lookup.inTargetCountry(user)) {
            return reject(
                r, Rejection.filteredCountry(e.userId(), lookup.country(user), lookup.target()));
          }
          if (!clean) {
            return null;
          }
          int signup = lookup.signupDate(user);
          return RowFactory.create(
              e.userId(),
              e.eventType(),
              e.timestamp(),
              instant(e.timestampMicros()),
              LocalDate.ofEpochDay(e.eventDate()),
              e.value(),
              e.device(),
              e.page(),
              signup == UsersLookup.NO_DATE ? null : LocalDate.ofEpochDay(signup),
              lookup.target());
        }

        private Row reject(UnitRecords r, Rejection rejection) {
          if (clean) {
            return null;
          }
          return RowFactory.create(
              r.index(), rejection.reason().code(), rejection.detail(), r.rawRecord());
        }
      };
    }
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /**
   * The rows a task makes of its unit's records, one record at a time (nothing is held but the
   * current record); a record for which {@link #row} returns null gives no row. The reader is
   * closed at the end, or when the task ends early.
   */
  private abstract static class RecordRows implements Iterator<Row> {
    private final UnitRecords records;
    private Row next;
    private boolean done;

    RecordRows(Iterator<Unit> units, HadoopConf conf) {
      if (!units.hasNext()) {
        records = null;
        done = true;
        return;
      }
      records = UnitRecords.open(units.next(), conf.get());
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> records.close());
      }
    }

    abstract Row row(UnitRecords r);

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        if (records.next()) {
          next = row(records);
        } else {
          done = true;
          records.close();
        }
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }
}
