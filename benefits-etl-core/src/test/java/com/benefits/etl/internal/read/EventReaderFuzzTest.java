package com.benefits.etl.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.BadInputException;
import com.benefits.etl.testing.Mutations;
import com.benefits.etl.testing.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of {@link EventReader} alone, many cases with a fixed seed: every mutated file
 * is read to its end (each record checked, with its raw text) or stops with a {@link
 * BadInputException} naming the file and the line. Any other exception or error is a failure, and
 * the input is kept under {@code target/fuzz-failures/}.
 */
class EventReaderFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20_260_601L);
  static final int CASES = Integer.getInteger("fuzz.cases", 4_000);

  @TempDir Path dir;

  static String problem(Path file) {
    try (EventReader r = EventReader.open(file)) {
      while (r.next()) {
        if (r.checked() == null || r.rawRecord() == null) {
          return "record " + r.index() + " has no outcome or raw text";
        }
        if (r.rawRecord().length() > ReadLimits.DEFAULT.rawRecordCap() + 100
            || (!r.checked().isValid()
                && r.checked().rejection().detail().length()
                    > ReadLimits.DEFAULT.detailCap() + 100)) {
          return "record " + r.index() + " is not cut to the limits";
        }
      }
      return null;
    } catch (BadInputException e) {
      String m = e.getMessage();
      if (!e.file().equals(file) || m.lines().count() > 1) {
        return "unclear message: " + m;
      }
      if (e.line().isEmpty() && !m.contains("the gzip data is truncated or corrupt")) {
        return "no position: " + m;
      }
      return null;
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      return trace.toString();
    }
  }

  @Test
  @Timeout(120)
  void mutatedFilesAreReadOrStopWithAPositionedError() throws Exception {
    byte[] array =
        Files.readAllBytes(TestFiles.copyResource("e2e/events.json", dir.resolve("base.json")));
    List<byte[]> bases = List.of(array, Mutations.ndjson(array));
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < CASES; i++) {
      Mutations.Case c = Mutations.randomCase(i, bases, random);
      byte[] content = c.content();
      Path file = Files.write(dir.resolve(c.fileName()), content);
      String problem = problem(file);
      if (problem != null) {
        Path keep = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Files.write(keep.resolve("reader-" + c.fileName().replace(' ', '-')), content);
        failures.add("case " + i + " (" + c.description() + "): " + problem);
      }
      Files.delete(file);
    }
    System.err.printf(
        "reader fuzz: %d cases in %s, %d failures%n",
        CASES, Duration.ofNanos(System.nanoTime() - start), failures.size());
    assertThat(failures).isEmpty();
  }
}
