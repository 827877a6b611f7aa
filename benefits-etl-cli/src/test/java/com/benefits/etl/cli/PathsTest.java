package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, point 6: paths. URIs are refused, naming the engine that reads them, before anything is
 * created; output paths are normalised and created like {@code mkdir -p}, and a failed run removes
 * what it created; an input the run would overwrite is refused before anything is written; a named
 * pipe is read like a file.
 */
class PathsTest {
  @TempDir Path dir;
  Path events;
  Path users;

  @BeforeEach
  void inputs() {
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--output, s3://bucket/x",
    "--output, gs://bucket/x",
    "--output, hdfs://namenode:8020/x",
    "--output, abfs://container@account.dfs.core.windows.net/x",
    "--output, file:///tmp/benefits-etl-uri-test",
    "--output, file:out",
    "--events, s3://bucket/raw_events.json",
    "--events, file:raw_events.json",
    "--users, gs://bucket/users.csv",
    "--scratch, hdfs://namenode/scratch"
  })
  void aUriIsRefusedNamingTheSparkEngineAndNothingIsCreated(String option, String uri) {
    Path out = dir.resolve("out");
    List<String> args = CliResult.runArgs(events, users, out);
    int at = args.indexOf(option);
    if (at >= 0) {
      args.set(at + 1, uri);
    } else {
      args.addAll(List.of(option, uri));
    }
    Map<String, String> before = Trees.of(dir);

    CliResult r;
    try {
      r = CliResult.of(args.toArray(String[]::new));
    } finally {
      // Had the URI been taken for a relative path, it would be in the working directory.
      for (String made : List.of("s3:", "gs:", "hdfs:", "abfs:", "file:", "file:out")) {
        boolean existed = Files.exists(Path.of(made));
        deleteTree(Path.of(made));
        assertThat(existed).as("./" + made + " was created").isFalse();
      }
    }

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    String scheme = uri.substring(0, uri.indexOf(':'));
    assertThat(r.err())
        .startsWith("error: ")
        .contains(
            " is a URI ("
                + scheme
                + ":), and the embedded engine reads and writes local"
                + " paths only; the Spark engine");
    assertThat(Trees.of(dir)).isEqualTo(before);
    assertThat(Path.of("/tmp/benefits-etl-uri-test")).doesNotExist();
  }

  @Test
  void anOutputPathIsNormalisedBeforeItIsCreated() {
    Path given = Path.of(dir.toString(), "new1", "..", "o5");
    assertThat(given.toString()).contains("new1/../o5");

    CliResult r = CliResult.run(events, users, given);

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(dir.resolve("new1")).doesNotExist();
    Outputs.assertFromOneRun(dir.resolve("o5"));
    assertThat(r.out()).contains(dir.resolve("o5/clean_events.parquet").toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "a missing users file",
        "an events array cut short",
        "events that are a directory"
      })
  void aFailedRunRemovesTheDirectoriesItCreated(String failure) throws IOException {
    Path deep = dir.resolve("deep/new/dir");
    Path e = events;
    Path u = users;
    switch (failure) {
      case "a missing users file" -> u = dir.resolve("missing.csv");
      case "an events array cut short" -> {
        String text = Files.readString(events);
        e = Files.writeString(dir.resolve("cut.json"), text.substring(0, text.length() - 3));
      }
      default -> e = Files.createDirectories(dir.resolve("a directory"));
    }

    CliResult r = CliResult.run(e, u, deep);

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(dir.resolve("deep")).doesNotExist();
  }

  @Test
  void aFailedRunIntoAnExistingDirectoryRemovesOnlyWhatItCreated() throws IOException {
    Path out = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    CliResult r = CliResult.run(events, dir.resolve("missing.csv"), out.resolve("sub"));

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(TestFiles.names(out)).containsExactly("notes.txt");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "--events, run_report.json",
    "--events, clean_events.parquet",
    "--users, .benefits-etl/current/run_report.json",
  })
  void anInputThatIsOneOfTheOutputsIsRefusedBeforeAnythingIsWritten(String option, String name) {
    Path out = dir.resolve("out");
    assertThat(CliResult.run(events, users, out).status()).isZero();
    Map<String, String> before = Trees.of(out);
    Path input = out.resolve(name);

    CliResult r =
        option.equals("--events")
            ? CliResult.run(input, users, out)
            : CliResult.run(events, input, out);

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: "
                + input
                + ": this input is one of the outputs of "
                + out
                + ", which this run would replace or remove; copy it elsewhere and read the copy");
    assertThat(Trees.of(out)).isEqualTo(before);
  }

  @Test
  void anInputBesideTheOutputsIsRead() throws IOException {
    Path out = dir.resolve("out");
    assertThat(CliResult.run(events, users, out).status()).isZero();
    Path beside = Files.copy(events, out.resolve("today.json"));

    CliResult r = CliResult.run(beside, users, out);

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(beside).exists();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"array", "ndjson", "gzipped ndjson"})
  void aNamedPipeIsReadLikeTheFile(String kind) throws Exception {
    Path file =
        switch (kind) {
          case "array" -> events;
          case "ndjson" -> Files.write(dir.resolve("events.ndjson"), ndjson(events));
          default -> gzip(Files.write(dir.resolve("events.ndjson"), ndjson(events)));
        };
    CliResult fromFile = CliResult.run(file, users, dir.resolve("from-file"));
    assertThat(fromFile.status()).as(fromFile.err()).isZero();
    Path fifo = dir.resolve("events.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream w = Files.newOutputStream(fifo)) {
                Files.copy(file, w);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });

    CliResult fromPipe = CliResult.run(fifo, users, dir.resolve("from-pipe"));

    writer.get(30, TimeUnit.SECONDS);
    assertThat(fromPipe.status()).as(fromPipe.err()).isZero();
    assertThat(fromPipe.out()).contains("Read 17 records from " + fifo);
    assertThat(counts(dir.resolve("from-pipe"))).isEqualTo(counts(dir.resolve("from-file")));
    assertThat(Outputs.temporaries(dir.resolve("from-pipe"))).isEmpty();
  }

  @Test
  void anErrorInStandardInputNamesIt() {
    Path out = dir.resolve("out");

    CliResult r = withStandardInput("[{\"user_id\": 1},\n{", () -> CliResult.run("-", users, out));

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: -, line 2, column 2: the file ends before the JSON array is closed (truncated"
                + " file?): Unexpected end-of-input: expected close marker for Object");
    assertThat(out).doesNotExist();
  }

  @Test
  void aWarningAboutStandardInputNamesIt() throws IOException {
    Path out = dir.resolve("out");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    try {
      CliResult r =
          withStandardInput(Files.readString(users), () -> CliResult.run("-", users, out));

      assertThat(r.status()).as(r.err()).isEqualTo(3);
    } finally {
      root.detachAppender(logged);
    }
    assertThat(logged.list)
        .map(ILoggingEvent::getFormattedMessage)
        .contains(
            "- looks like a CSV file, not JSON: its first line is \"Country, USER_ID"
                + " ,signup_date,notes\"; its records will be rejected");
  }

  private static CliResult withStandardInput(String content, Supplier<CliResult> run) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(stdin);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run report's {@code counts} object, as text. */
  static String counts(Path out) throws IOException {
    Matcher m =
        Pattern.compile("\"counts\" : \\{[^}]*\\}")
            .matcher(Files.readString(out.resolve("run_report.json")));
    assertThat(m.find()).isTrue();
    return m.group();
  }

  /** The e2e events array's records, one per line. */
  static byte[] ndjson(Path array) throws IOException {
    String text = Files.readString(array).strip();
    StringBuilder b = new StringBuilder();
    for (String line : text.substring(1, text.length() - 1).strip().split("\n")) {
      String record = line.strip();
      b.append(record.endsWith(",") ? record.substring(0, record.length() - 1) : record)
          .append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Path gzip(Path file) throws IOException {
    Path gz = file.resolveSibling(file.getFileName() + ".gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(file, o);
    }
    return gz;
  }
}
