package com.benefits.etl.cli;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.benefits.etl.Output;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, point 1: a wrong input never replaces good outputs (docs/spec.md 3.6). Each wrong input
 * the issue lists, run after a good run into the same output directory, fails a default quality
 * gate: exit status 3, one line naming the gate, the figure and the limit, the published set left
 * byte for byte, that run's report and rejects kept in {@code .benefits-etl/failed/RUN/}, and a
 * warning that says what is wrong with the input. The gates' options, and their errors.
 */
class QualityGatesTest {
  private static final String MIN_CLEAN = "min_clean_rows: 0 clean rows of \\d+ records read";
  private static final String ALL_MALFORMED =
      "max_fraction\\.malformed_record: (\\d+) of \\1 records read \\(100\\.0%\\) rejected, at"
          + " most 50\\.0% allowed";
  private static final Pattern GATE_LINE =
      Pattern.compile(
          "quality gate failed: (.+)\\. Nothing was published; this run's outputs and report are"
              + " in (.+)");

  @TempDir Path dir;
  Path events;
  Path users;
  Path out;
  Map<String, String> before;
  ListAppender<ILoggingEvent> logged;

  @BeforeEach
  void goodRunFirst() {
    logged = new ListAppender<>();
    logged.start();
    root().addAppender(logged);
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    out = dir.resolve("out");
    CliResult ok = run(events, users);
    assertThat(ok.status()).as(ok.err()).isZero();
    before = Trees.of(out);
    logged.list.clear();
  }

  @AfterEach
  void stopCapturingLogs() {
    root().detachAppender(logged);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private CliResult run(Path eventsFile, Path usersFile, String... extra) {
    return CliResult.run(eventsFile, usersFile, out, extra);
  }

  /** One wrong input of the issue: how to make it, the gates it must fail, what must be logged. */
  record WrongInput(
      String name, Setup setup, List<String> failedGates, String warning, String[] extra) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Setup {
    /** Writes the inputs into {@code dir}; returns {events, users}. */
    Path[] write(Path dir, Path events, Path users) throws IOException;
  }

  static Stream<WrongInput> wrongInputs() {
    return Stream.of(
        new WrongInput(
            "the users CSV given as events",
            (dir, events, users) -> new Path[] {users, users},
            List.of(MIN_CLEAN, ALL_MALFORMED),
            "%EVENTS% looks like a CSV file, not JSON: its first line is \"Country, USER_ID"
                + " ,signup_date,notes\"; its records will be rejected",
            new String[0]),
        new WrongInput(
            "UTF-16 events",
            (dir, events, users) ->
                new Path[] {
                  Files.write(
                      dir.resolve("utf16.json"),
                      Files.readString(events).getBytes(StandardCharsets.UTF_16)),
                  users
                },
            List.of(MIN_CLEAN, ALL_MALFORMED),
            "%EVENTS% looks like UTF-16 text (it starts with a UTF-16 byte-order mark); JSON"
                + " must be UTF-8; its records will be rejected",
            new String[0]),
        new WrongInput(
            "zstd bytes without a .gz name",
            (dir, events, users) -> {
              byte[] junk = new byte[300];
              new Random(14).nextBytes(junk);
              junk[0] = 0x28;
              junk[1] = (byte) 0xB5;
              junk[2] = 0x2F;
              junk[3] = (byte) 0xFD;
              return new Path[] {Files.write(dir.resolve("events.json"), junk), users};
            },
            List.of(MIN_CLEAN, ALL_MALFORMED),
            "%EVENTS% looks like zstd-compressed data; only gzip is read; its records will be"
                + " rejected",
            new String[0]),
        new WrongInput(
            "NDJSON whose lines end in CR alone",
            (dir, events, users) ->
                new Path[] {
                  Files.writeString(
                      dir.resolve("cr.ndjson"),
                      "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\"}\r"
                          + "{\"user_id\":\"42\",\"timestamp\":\"2024-03-16T14:22:05Z\"}\r"
                          + "{\"user_id\":\"u2\",\"timestamp\":\"2024-03-17T14:22:05Z\"}\r"),
                  users
                },
            List.of(MIN_CLEAN, ALL_MALFORMED),
            "%EVENTS% looks like text whose lines end in a carriage return alone; NDJSON lines"
                + " end in LF or CRLF, so the whole file is one line; its records will be rejected",
            new String[0]),
        new WrongInput(
            "every timestamp as epoch milliseconds",
            (dir, events, users) ->
                new Path[] {
                  Files.writeString(
                      dir.resolve("millis.ndjson"),
                      "{\"user_id\":\"u1\",\"timestamp\":1710512525000}\n"
                          + "{\"user_id\":\"42\",\"timestamp\":1710598925000}\n"
                          + "{\"user_id\":\"u2\",\"timestamp\":1710685325000}\n"),
                  users
                },
            List.of("min_clean_rows: 0 clean rows of 3 records read, at least 1 required"),
            null,
            new String[0]),
        new WrongInput(
            "--country XX",
            (dir, events, users) -> new Path[] {events, users},
            List.of("min_clean_rows: 0 clean rows of 17 records read, at least 1 required"),
            "the country XX matches none of the 5 users of "
                + "%USERS%: every known user's events will be filtered_country",
            new String[] {"--country", "XX"}),
        new WrongInput(
            "a users file with only its header",
            (dir, events, users) ->
                new Path[] {
                  events,
                  Files.writeString(dir.resolve("header.csv"), "user_id,signup_date,country\n")
                },
            List.of("min_clean_rows: 0 clean rows of 17 records read, at least 1 required"),
            "%USERS% holds no users (0 data rows): every event will be an unknown_user",
            new String[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongInputs")
  void aWrongInputFailsAGateAndPublishesNothing(WrongInput input) throws IOException {
    Path[] inputs = input.setup.write(dir, events, users);

    CliResult r = run(inputs[0], inputs[1], input.extra);

    assertThat(r.status()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    // One line: the gates that failed, each with its figure and limit, and where the run is kept.
    assertThat(r.err().lines()).hasSize(1);
    Matcher line = GATE_LINE.matcher(r.err().strip());
    assertThat(line.matches()).as(r.err()).isTrue();
    List<String> gates = List.of(line.group(1).split("; "));
    assertThat(gates).hasSameSizeAs(input.failedGates);
    for (int i = 0; i < gates.size(); i++) {
      assertThat(gates.get(i)).matches(input.failedGates.get(i) + ".*");
    }
    // The published set, and everything else in the directory but the kept run, is unchanged.
    assertThat(Trees.withoutFailedRuns(out)).isEqualTo(before);
    assertThat(Outputs.temporaries(out)).isEmpty();
    Path kept = Path.of(line.group(2));
    assertThat(kept.getParent()).isEqualTo(out.resolve(".benefits-etl/failed"));
    assertThat(TestFiles.names(kept))
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(Output.values()).map(Output::fileName).toList());
    String report = Files.readString(kept.resolve("run_report.json"));
    assertThat(report).contains("\"status\" : \"gate_failed\"").contains("\"exit_status\" : 3");
    assertThat(
            queryOne(
                    "SELECT count(*) AS n FROM read_parquet("
                        + literal(kept.resolve("rejected_events.parquet"))
                        + ")")
                .get("n"))
        .isEqualTo(number(report, "rejected_total"))
        .isEqualTo(number(report, "records_read"));
    List<String> warnings =
        logged.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .filter(m -> !m.startsWith(inputs[1] + ": 1 row")) // the e2e users file's own
            .toList();
    if (input.warning == null) {
      assertThat(warnings).isEmpty();
    } else {
      String expected =
          input
              .warning
              .replace("%EVENTS%", inputs[0].toString())
              .replace("%USERS%", inputs[1].toString());
      assertThat(warnings).containsExactly(expected);
      assertThat(report).contains(jsonString(expected));
    }
  }

  @Test
  void noQualityGatePublishesWhatAWrongInputGives() {
    CliResult r = run(users, users, "--no-quality-gate");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("clean events                   0");
    assertThat(Trees.of(out)).isNotEqualTo(before);
    Outputs.assertFromOneRun(out);
    assertThat(Outputs.temporaries(out)).isEmpty();
    assertThat(out.resolve(".benefits-etl/failed")).doesNotExist();
  }

  static Stream<Arguments> optionErrors() {
    return Stream.of(
        Arguments.of(
            List.of("--max-reason-fraction", "nope=5%"),
            "Invalid value for option '--max-reason-fraction' (REASON=F): 'nope' is not a reject"
                + " reason; expected one of malformed_record, missing_user_id, invalid_timestamp,"
                + " duplicate, unknown_user, filtered_country"),
        Arguments.of(
            List.of("--max-reason-fraction", "duplicate"),
            "Invalid value for option '--max-reason-fraction' (REASON=F): expected"
                + " REASON=FRACTION such as unknown_user=5%, found 'duplicate'"),
        Arguments.of(
            List.of("--max-rejected-fraction", "150%"),
            "Invalid value for option '--max-rejected-fraction': '150%' is not a share from 0 to 1"
                + " (0% to 100%)"),
        Arguments.of(
            List.of("--max-rejected-fraction", "a fifth"),
            "Invalid value for option '--max-rejected-fraction': expected a fraction such as 0.25"
                + " or 25%, found 'a fifth'"),
        Arguments.of(
            List.of("--max-rejected-fraction", "0x1p-2"),
            "Invalid value for option '--max-rejected-fraction': expected a fraction such as 0.25"
                + " or 25%, found '0x1p-2'"),
        Arguments.of(
            List.of("--max-reason-fraction", "duplicate=NaN"),
            "Invalid value for option '--max-reason-fraction' (REASON=F): expected a fraction"
                + " such as 0.25 or 25%, found 'NaN'"),
        Arguments.of(
            List.of("--no-quality-gate", "--min-clean-rows", "3"),
            "--no-quality-gate cannot be combined with a gate's limit"),
        Arguments.of(
            List.of("--min-clean-rows", "-1"),
            "Invalid value for option '--min-clean-rows': -1 is not a number of rows (0 or more)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionErrors")
  void aBadGateOptionIsAUsageErrorAndChangesNothing(List<String> options, String message) {
    CliResult r = run(events, users, options.toArray(String[]::new));

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo(message);
    assertThat(r.err()).contains("Usage: etl run");
    assertThat(Trees.of(out)).isEqualTo(before);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"", "[]", "[ ]\n", "\n\n"})
  void eventsWithNoRecordsStillPublish(String content) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.json"), content);

    CliResult r = run(empty, users);

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("Read 0 records");
    Outputs.assertFromOneRun(out);
    assertThat(Trees.of(out)).isNotEqualTo(before);
    String warning = empty + " holds no records; the outputs are written empty";
    assertThat(logged.list).map(ILoggingEvent::getFormattedMessage).contains(warning);
    assertThat(Files.readString(out.resolve("run_report.json"))).contains(jsonString(warning));
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of(
            List.of("--max-rejected-fraction", "20%"),
            "max_rejected_fraction: 12 of 17 records read (70.6%) rejected, at most 20.0% allowed"),
        Arguments.of(
            List.of("--max-reason-fraction", "duplicate=0.1"),
            "max_fraction.duplicate: 3 of 17 records read (17.6%) rejected, at most 10.0%"
                + " allowed"),
        Arguments.of(
            List.of("--min-clean-rows", "6"),
            "min_clean_rows: 5 clean rows of 17 records read, at least 6 required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void aUsersLimitIsAGateToo(List<String> options, String gate) {
    CliResult r = run(events, users, options.toArray(String[]::new));

    assertThat(r.status()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).startsWith("quality gate failed: " + gate + ". Nothing was published");
    assertThat(Trees.withoutFailedRuns(out)).isEqualTo(before);
  }

  @Test
  void limitsThatHoldPublish() {
    CliResult r =
        run(
            events,
            users,
            "--max-rejected-fraction",
            "71%",
            "--max-reason-fraction",
            "duplicate=18%",
            "--max-reason-fraction",
            "MALFORMED_RECORD=0.12",
            "--min-clean-rows",
            "5");

    assertThat(r.status()).as(r.err()).isZero();
    Outputs.assertFromOneRun(out);
  }

  @Test
  void aReasonsLimitOfOneHundredPercentLiftsTheDefault() {
    CliResult r =
        run(
            users,
            users,
            "--max-reason-fraction",
            "malformed_record=100%",
            "--min-clean-rows",
            "0");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("clean events                   0");
  }

  @Test
  void onlyTheNewestFailedRunsAreKeptAndAlwaysTheOneJustFailed() throws IOException {
    // Kept runs named as if from later: the clock went back, or the runs came in one second.
    Path failed = Files.createDirectories(out.resolve(".benefits-etl/failed"));
    for (String later : List.of("a", "b", "c")) {
      Files.createDirectories(failed.resolve("99991231T235959Z-" + later + "0000000"));
    }

    for (int i = 0; i < 2; i++) {
      CliResult r = run(users, users);
      assertThat(r.status()).as(r.err()).isEqualTo(3);
      Matcher line = GATE_LINE.matcher(r.err().strip());
      assertThat(line.matches()).isTrue();
      assertThat(Path.of(line.group(2)).resolve("run_report.json"))
          .as("the run this message names")
          .exists();
      assertThat(TestFiles.names(failed))
          .hasSize(3)
          .contains(Path.of(line.group(2)).getFileName().toString());
    }
    assertThat(Trees.withoutFailedRuns(out)).isEqualTo(before);
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
    assertThat(m.find()).as(field).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
