package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the readers, so every missing or unreadable input is reported the same way. */
final class InputFiles {
  private InputFiles() {}

  static void requireReadableFile(Path file, String role) {
    if (!Files.exists(file)) {
      throw new BadInputException(file, role + " not found");
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(file, role + " is a directory, expected a file");
    }
    if (!Files.isReadable(file)) {
      throw new BadInputException(file, role + " is not readable (check its permissions)");
    }
  }
}
