package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Mutations;
import com.benefits.etl.testing.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the events readers through the command line, with a fixed seed and a bounded
 * number of cases (the cheaper {@code read.EventReaderFuzzTest} runs many more on the readers
 * alone): every mutated file must end in exit 0 with the invariant holding, or exit 2 with one
 * short message naming the file and the position. Never exit 1 (a bug), a stack trace, a hang or an
 * OutOfMemoryError. Failing inputs are saved under {@code target/fuzz-failures/}; each one found
 * becomes a named test in {@link FuzzRegressionsTest}.
 */
class ReaderFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20_260_601L);
  static final int CASES = Integer.getInteger("fuzz.cli.cases", 250);
  static ExecutorService executor;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fuzz-case");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  /** What one case did. */
  record Outcome(int status, String out, String err) {}

  static Outcome run(Path events, Path users, Path output) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Future<Integer> status =
        executor.submit(
            () ->
                Main.execute(
                    new PrintWriter(out),
                    new PrintWriter(err),
                    "run",
                    "--events",
                    events.toString(),
                    "--users",
                    users.toString(),
                    "--output",
                    output.toString()));
    try {
      return new Outcome(status.get(30, TimeUnit.SECONDS), out.toString(), err.toString());
    } catch (java.util.concurrent.TimeoutException e) {
      status.cancel(true);
      return new Outcome(-1, out.toString(), "timed out after 30 s");
    } catch (java.util.concurrent.ExecutionException e) {
      StringWriter trace = new StringWriter();
      e.getCause().printStackTrace(new PrintWriter(trace));
      return new Outcome(-2, out.toString(), trace.toString());
    }
  }

  /** Null when the outcome is acceptable, else why not. */
  static String problem(Outcome o, Path events) {
    if (o.status == 0) {
      return o.out.contains("invariant holds") ? null : "exit 0 without the invariant: " + o.out;
    }
    if (o.status == 3) { // a mutation that leaves no clean record: the default gates stop it
      String err = o.err.strip();
      return err.startsWith("quality gate failed: ") && err.lines().count() == 1
          ? null
          : "exit 3 without one gate line: " + err;
    }
    if (o.status != 2) {
      return "exit " + o.status + ": " + o.err;
    }
    String err = o.err.strip();
    if (!err.startsWith("error: ") || err.contains("\tat ") || err.lines().count() > 2) {
      return "not one short message: " + err;
    }
    if (!err.contains(events.getFileName().toString())) {
      return "does not name the file: " + err;
    }
    if (!err.contains(", line ") && !err.contains("the gzip data is truncated or corrupt")) {
      return "does not name the position: " + err;
    }
    return null;
  }

  @Test
  void mutatedEventFilesEndInSuccessOrAClearFatalError() throws Exception {
    Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    byte[] array =
        Files.readAllBytes(TestFiles.copyResource("e2e/events.json", dir.resolve("base.json")));
    List<byte[]> bases = List.of(array, Mutations.ndjson(array));
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    Path failuresDir = Path.of("target", "fuzz-failures");
    long start = System.nanoTime();
    for (int i = 0; i < CASES; i++) {
      Mutations.Case c = Mutations.randomCase(i, bases, random);
      byte[] content = c.content();
      Path events = dir.resolve(c.fileName());
      Files.write(events, content);
      Outcome o = run(events, users, dir.resolve("out"));
      String problem = problem(o, events);
      if (problem != null) {
        Files.createDirectories(failuresDir);
        Files.write(failuresDir.resolve(c.fileName().replace(' ', '-')), content);
        failures.add("case " + i + " (" + c.description() + "): " + problem);
      }
      Files.delete(events);
    }
    System.err.printf(
        "fuzz: %d cases in %d ms, %d failures%n",
        CASES, (System.nanoTime() - start) / 1_000_000, failures.size());
    assertThat(failures).isEmpty();
  }
}
