package com.benefits.etl.spark;

import com.benefits.etl.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The output directory of a Spark run: every output is written into a staging directory inside it
 * ({@code .benefits-etl-spark-<run>/}) and renamed into place by {@link #publish}, after the whole
 * run succeeded; an earlier output of the same name is first renamed aside, then deleted. Each
 * rename is atomic on HDFS and on local disks; on S3 a rename is a copy (docs/spark.md says what to
 * use there). {@link #close()} removes what was not published, and the directory itself if this run
 * created it.
 */
final class StagedOutput implements AutoCloseable {
  static final String STAGING_PREFIX = ".benefits-etl-spark-";

  /** Where runs stopped by a quality gate are kept, as for the embedded engine. */
  static final String FAILED = ".benefits-etl/failed";

  private final String location;
  private final FileSystem fs;
  private final org.apache.hadoop.fs.Path dir;
  private final org.apache.hadoop.fs.Path staging;
  private final boolean created;
  private boolean published;
  private boolean kept;

  private StagedOutput(
      String location,
      FileSystem fs,
      org.apache.hadoop.fs.Path dir,
      org.apache.hadoop.fs.Path staging,
      boolean created) {
    this.location = location;
    this.fs = fs;
    this.dir = dir;
    this.staging = staging;
    this.created = created;
  }

  static StagedOutput open(String location, Configuration conf) {
    Path named = Path.of(location);
    try {
      org.apache.hadoop.fs.Path given = new org.apache.hadoop.fs.Path(location);
      FileSystem fs = given.getFileSystem(conf);
      org.apache.hadoop.fs.Path dir = fs.makeQualified(given);
      boolean created = false;
      if (fs.exists(dir)) {
        if (!fs.getFileStatus(dir).isDirectory()) {
          throw new BadInputException(named, "the output path exists and is not a directory");
        }
      } else {
        created = true;
      }
      String run = UUID.randomUUID().toString().substring(0, 8);
      org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(dir, STAGING_PREFIX + run);
      if (!fs.mkdirs(staging)) {
        throw new BadInputException(named, "cannot create the output directory " + dir);
      }
      return new StagedOutput(location, fs, dir, staging, created);
    } catch (IOException e) {
      throw new BadInputException(
          named, "cannot create the output directory: " + e.getMessage(), e);
    }
  }

  /** Where output {@code name} is written before it is published (a qualified path). */
  String staged(String name) {
    return new org.apache.hadoop.fs.Path(staging, name).toString();
  }

  FileSystem fileSystem() {
    return fs;
  }

  /** The total size of a staged output: its file, or its directory's part files. */
  long stagedBytes(String name) {
    try {
      return fs.getContentSummary(new org.apache.hadoop.fs.Path(staging, name)).getLength();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a staged output directory holds any Parquet part file. */
  boolean hasPartFiles(String name) {
    try {
      for (FileStatus f : fs.listStatus(new org.apache.hadoop.fs.Path(staging, name))) {
        if (f.getPath().getName().startsWith("part-")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keeps the staged outputs unpublished, for a person to see why a quality gate stopped the run:
   * moved to {@code .benefits-etl/failed/RUN/} in the output directory. Returns where, as the run
   * report names paths.
   */
  Path keepUnpublished() {
    org.apache.hadoop.fs.Path failed =
        new org.apache.hadoop.fs.Path(dir, FAILED + "/" + staging.getName().substring(1));
    try {
      fs.mkdirs(failed.getParent());
      if (!fs.rename(staging, failed)) {
        throw new IOException("rename refused");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the unpublished outputs in " + failed, e);
    }
    kept = true;
    String shown = Path.of(location).resolve(FAILED).resolve(failed.getName()).toString();
    return "file".equals(failed.toUri().getScheme())
        ? Path.of(failed.toUri().getPath())
        : Path.of(shown);
  }

  /** Renames the staged outputs into place, in the order given (the run report last). */
  void publish(List<String> names) {
    org.apache.hadoop.fs.Path aside =
        new org.apache.hadoop.fs.Path(dir, staging.getName() + "-replaced");
    for (String name : names) {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, name);
      try {
        if (fs.exists(target)) {
          fs.mkdirs(aside);
          if (!fs.rename(target, new org.apache.hadoop.fs.Path(aside, name))) {
            throw new IOException("rename of the earlier " + name + " refused");
          }
        }
        if (!fs.rename(new org.apache.hadoop.fs.Path(staging, name), target)) {
          throw new IOException("rename refused");
        }
      } catch (IOException e) {
        throw new BadInputException(
            Path.of(location).resolve(name), "cannot publish the output: " + e.getMessage(), e);
      }
    }
    published = true;
    try {
      fs.delete(aside, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the replaced outputs in " + aside, e);
    }
  }

  @Override
  public void close() {
    try {
      if (!kept) {
        fs.delete(staging, true);
      }
      if (!published && !kept && created) {
        FileStatus[] left = fs.listStatus(dir);
        if (left.length == 0) {
          fs.delete(dir, false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging directory " + staging, e);
    }
  }
}
