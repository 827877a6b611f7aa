package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the readers, so every missing or unreadable input is reported the same way. */
final class InputFiles {
  private InputFiles() {}

  static void requireReadableFile(Path file, String role) {
    requireReadableFile(file, file, role);
  }

  /** Checks {@code source}, naming it {@code shownAs} in the message. */
  static void requireReadableFile(Path source, Path shownAs, String role) {
    if (!Files.exists(source)) {
      throw new BadInputException(shownAs, role + " not found");
    }
    if (Files.isDirectory(source)) {
      throw new BadInputException(shownAs, role + " is a directory, expected a file");
    }
    if (!Files.isReadable(source)) {
      throw new BadInputException(shownAs, role + " is not readable (check its permissions)");
    }
  }
}
