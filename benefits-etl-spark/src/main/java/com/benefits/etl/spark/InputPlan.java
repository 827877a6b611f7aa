package com.benefits.etl.spark;

import com.benefits.etl.BadInputException;
import com.benefits.etl.EventsFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The events of a run as {@link Unit}s: the file, or every file of a directory or a glob (one run,
 * ordered by path; names starting with {@code .} or {@code _} are skipped, as Spark does), each
 * NDJSON file cut into byte ranges of a size chosen from the total, each JSON array or gzip file
 * whole (neither can be split). The layout is told from the first bytes as the core reader tells
 * it; a file the core reader would refuse (a {@code .gz} name over other data) is a whole-file
 * unit, so that the core reader refuses it with its own message.
 *
 * @param units the units in run order
 * @param bytes the events files' total size
 * @param format the first file's layout, for the run report
 * @param gzip whether any file is gzip data
 * @param files how many files
 */
record InputPlan(List<Unit> units, long bytes, EventsFormat format, boolean gzip, int files) {

  static InputPlan of(String location, Configuration conf, LongUnaryOperator splitSize) {
    java.nio.file.Path named = java.nio.file.Path.of(location);
    if (location.equals("-")) {
      throw new BadInputException(
          named,
          "the Spark engine reads events from files, not from standard input: give their path"
              + " (a file, a directory or a glob)");
    }
    try {
      Path pattern = new Path(location);
      FileSystem fs = pattern.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(pattern);
      if (matches == null || matches.length == 0) {
        throw new BadInputException(named, "events file not found");
      }
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus m : matches) {
        if (m.isDirectory()) {
          for (FileStatus f : fs.listStatus(m.getPath())) {
            if (f.isFile() && visible(f.getPath())) {
              files.add(f);
            }
          }
        } else if (visible(m.getPath()) || matches.length == 1) {
          files.add(m);
        }
      }
      if (files.isEmpty()) {
        throw new BadInputException(
            named,
            "no events files here (a directory's files whose names start with . or _ are skipped)");
      }
      files.sort(Comparator.comparing(f -> f.getPath().toString()));
      long total = 0;
      for (FileStatus f : files) {
        total += f.getLen();
      }
      long splitBytes = splitSize.applyAsLong(total);
      boolean single = files.size() == 1 && matches.length == 1 && !matches[0].isDirectory();
      List<Unit> units = new ArrayList<>();
      long bytes = 0;
      EventsFormat first = null;
      boolean anyGzip = false;
      for (FileStatus f : files) {
        String path = fs.makeQualified(f.getPath()).toString();
        String display = single ? location : display(f.getPath());
        Head head = Head.read(fs, f.getPath());
        bytes += f.getLen();
        anyGzip |= head.gzip;
        if (first == null) {
          first = head.format;
        }
        boolean whole =
            head.gzip || head.format == EventsFormat.ARRAY || f.getPath().getName().endsWith(".gz");
        if (whole) {
          units.add(new Unit(units.size(), path, display, false, 0, f.getLen(), 0, 1));
        } else {
          for (long start = 0; start < f.getLen(); start += splitBytes) {
            long end = Math.min(f.getLen(), start + splitBytes);
            units.add(new Unit(units.size(), path, display, true, start, end, 0, 1));
          }
        }
      }
      return new InputPlan(units, bytes, first, anyGzip, files.size());
    } catch (IOException e) {
      throw new BadInputException(named, "cannot list the events: " + e.getMessage(), e);
    }
  }

  private static boolean visible(Path p) {
    String name = p.getName();
    return !name.startsWith(".") && !name.startsWith("_");
  }

  /** A local file by its path, any other by its URI. */
  private static String display(Path p) {
    return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
  }

  /** What a file's first bytes say: gzip data, and the layout (SPEC 1.1). */
  private record Head(boolean gzip, EventsFormat format) {
    static Head read(FileSystem fs, Path file) throws IOException {
      try (InputStream raw = new BufferedInputStream(fs.open(file), 1 << 16)) {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        if (!gzip) {
          return new Head(false, layout(raw));
        }
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(raw), 1 << 16)) {
          return new Head(true, layout(in));
        } catch (IOException corrupt) {
          return new Head(true, EventsFormat.NDJSON); // the task's reader reports it
        }
      }
    }

    /** The layout after an optional BOM and blanks, as the core reader detects it. */
    private static EventsFormat layout(InputStream in) throws IOException {
      in.mark(3);
      if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
        in.reset();
      }
      int b = in.read();
      while (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        b = in.read();
      }
      return b == '[' ? EventsFormat.ARRAY : EventsFormat.NDJSON;
    }
  }
}
