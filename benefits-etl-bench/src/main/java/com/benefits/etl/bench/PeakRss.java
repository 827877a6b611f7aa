package com.benefits.etl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the peak RSS of a child is measured. {@code /usr/bin/time} reports the child's {@code
 * ru_maxrss} from {@code wait4}, exact even for a peak in the child's last milliseconds; without it
 * the benchmark polls the child's {@code VmHWM} in {@code /proc} (every 5 ms), which can miss
 * growth during the last poll interval. The child command must {@code exec} java (as {@code
 * bin/etl} does), so the measured process is the JVM, not a shell.
 */
enum PeakRss {
  GNU_TIME,
  PROC_POLLING;

  private static final Path TIME = Path.of("/usr/bin/time");

  /** {@link #GNU_TIME} when {@code /usr/bin/time} is executable, else {@link #PROC_POLLING}. */
  static PeakRss available() {
    return Files.isExecutable(TIME) ? GNU_TIME : PROC_POLLING;
  }

  /** The command to start: wrapped in {@code /usr/bin/time} writing {@code %M} to a file. */
  List<String> wrap(List<String> command, Path rssFile) {
    if (this == PROC_POLLING) {
      return command;
    }
    List<String> wrapped =
        new ArrayList<>(List.of(TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
    wrapped.addAll(command);
    return wrapped;
  }

  /** {@code VmHWM} of a live process in KiB, or -1 once it is gone. */
  static long vmHwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The KiB that {@code /usr/bin/time -f %M} wrote (its last line; a failed child adds one). */
  static long readTimeFile(Path rssFile) throws IOException {
    List<String> lines = Files.readAllLines(rssFile);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.matches("[0-9]+")) {
        return Long.parseLong(line);
      }
    }
    throw new IOException(rssFile + ": no peak RSS in " + lines);
  }
}
