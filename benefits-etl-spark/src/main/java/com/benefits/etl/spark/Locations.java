package com.benefits.etl.spark;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.read.UsersCsvReader;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Locations as the user wrote them, read through Hadoop's file systems ({@code s3a://}, {@code
 * hdfs://}, {@code file:}, or a path of the default file system). A local location is named in
 * messages and in the run report exactly as the embedded engine names it.
 */
final class Locations {
  private Locations() {}

  /** Whether {@code location} is on the local file system (no scheme, or {@code file:}). */
  static boolean isLocal(String location, Configuration conf) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
      return "file".equals(p.getFileSystem(conf).getUri().getScheme());
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** How the run report names a location: a local one absolute, as the embedded engine does. */
  static Path reported(String location, Configuration conf) {
    if (isLocal(location, conf)) {
      String path = new org.apache.hadoop.fs.Path(location).toUri().getPath();
      return Path.of(path).toAbsolutePath().normalize();
    }
    return Path.of(location);
  }

  /** Reads the users file on the driver, once; a bad file stops the run before any task. */
  static UsersTable readUsers(String location, Configuration conf) {
    Path named = Path.of(location);
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    if (isLocal(location, conf) && path.toUri().getScheme() == null) {
      return UsersCsvReader.read(named); // the embedded engine's checks and messages
    }
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status;
      try {
        status = fs.getFileStatus(path);
      } catch (java.io.FileNotFoundException e) {
        throw new BadInputException(named, "users file not found");
      }
      if (status.isDirectory()) {
        throw new BadInputException(named, "users file is a directory, expected a file");
      }
      return UsersCsvReader.read(named, () -> fs.open(path));
    } catch (IOException e) {
      throw new BadInputException(named, "cannot read the users file: " + e.getMessage(), e);
    }
  }

  /** The total size of the file at {@code location}, or 0 when it cannot be told. */
  static long size(String location, Configuration conf) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
      return p.getFileSystem(conf).getFileStatus(p).getLen();
    } catch (IOException e) {
      return 0;
    }
  }
}
