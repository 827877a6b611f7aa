package com.benefits.etl.internal.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.benefits.etl.BadInputException;
import com.benefits.etl.UsersStats;
import com.benefits.etl.internal.model.UsersTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** docs/spec.md 1.2: the users CSV. */
class UsersCsvReaderTest {
  @TempDir Path dir;

  Path write(String content) throws IOException {
    Path file = dir.resolve("users.csv");
    Files.write(file, content.getBytes(UTF_8));
    return file;
  }

  static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  static void assertUser(UsersTable t, String id, int signupDate, String country) {
    int i = indexOf(t, id);
    assertThat(i).as("index of " + id).isNotNegative();
    assertThat(t.userId(i)).isEqualTo(id);
    assertThat(t.signupDate(i)).as("signup date of " + id).isEqualTo(signupDate);
    assertThat(t.country(i)).as("country of " + id).isEqualTo(country);
  }

  /** The handle of {@code id} in {@code users}, found by a scan of every rank, or -1. */
  static int indexOf(UsersTable users, String id) {
    for (int r = 0; r < users.size(); r++) {
      if (users.userId(users.handleOfRank(r)).equals(id)) {
        return users.handleOfRank(r);
      }
    }
    return -1;
  }

  /** The warnings {@link UsersCsvReader} logs while reading {@code file}. */
  static List<String> warningsOf(Path file) {
    Logger logger = (Logger) LoggerFactory.getLogger(UsersCsvReader.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      UsersCsvReader.read(file);
    } finally {
      logger.detachAppender(appender);
    }
    return appender.list.stream()
        .peek(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void repeatedIdsAndInvalidSignupDatesAreLoggedAsOneWarningEachWithTheirFirstLines()
      throws IOException {
    StringBuilder csv = new StringBuilder("user_id,signup_date,country\n");
    csv.append("u1,2024-01-01,US\n"); // line 2
    for (int i = 0; i < 7; i++) {
      csv.append(" u1 ,not a date,US\n"); // lines 3-9: repeats, whose dates do not count
    }
    csv.append("u2,,US\n"); // line 10
    csv.append("u3,2024-02-30,US\n"); // line 11
    csv.append("\"u4\",\"\n2024-01-01\",US\n"); // lines 12-13: a valid date, whitespace around
    csv.append("u5,2024-1-5,US\n"); // line 14
    csv.append("u6,\"2024-01\r\n-01\",US\n"); // lines 15-16: shown on one line
    csv.append(",2024-01-01,US\n"); // a blank id is counted, not warned about
    Path file = write(csv.toString());

    assertThat(warningsOf(file))
        .containsExactly(
            file
                + ": 7 rows repeat an earlier row's user_id and were skipped: the first row of an id"
                + " wins (line 3: \"u1\", line 4: \"u1\", line 5: \"u1\", line 6: \"u1\", line 7:"
                + " \"u1\", ...)",
            file
                + ": 4 rows have a signup_date that is not a YYYY-MM-DD calendar date; it is null for"
                + " that user (line 10: \"\", line 11: \"2024-02-30\", line 14: \"2024-1-5\", line 15:"
                + " \"2024-01\\r\\n-01\")");
    UsersStats stats = UsersCsvReader.read(file).stats();
    assertThat(stats.duplicateIds()).isEqualTo(7);
    assertThat(stats.invalidSignupDates()).isEqualTo(4);
    assertThat(stats.blankIds()).isEqualTo(1);
  }

  @Test
  void aCleanFileLogsNoWarning() throws IOException {
    assertThat(warningsOf(write("user_id,signup_date,country\nu1,2024-01-15,US\n,,\n"))).isEmpty();
  }

  @Test
  void readsASimpleFile() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write("user_id,signup_date,country\nu1,2024-01-15,US\nu2,2023-12-31,ca\n"));
    assertThat(t.size()).isEqualTo(2);
    assertUser(t, "u1", day("2024-01-15"), "US");
    assertUser(t, "u2", day("2023-12-31"), "CA");
    assertThat(indexOf(t, "u3")).isEqualTo(-1);
    assertThat(t.stats()).isEqualTo(new UsersStats(2, 2, 0, 0, 0));
  }

  @Test
  void bomAndCrlf() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write("\uFEFFuser_id,signup_date,country\r\nu1,2024-01-15,USA\r\nu2,,\r\n"));
    assertUser(t, "u1", day("2024-01-15"), "US");
    assertUser(t, "u2", UsersTable.NO_DATE, null);
    assertThat(t.stats()).isEqualTo(new UsersStats(2, 2, 0, 0, 1));
  }

  @Test
  void quotedFieldsWithCommasQuotesAndNewlines() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                "user_id,signup_date,country\n"
                    + "\"a,b\",\"2024-01-15\",\"united states\"\n"
                    + "\"say \"\"hi\"\"\",2024-01-16,\"Côte d'Ivoire, Republic\"\n"
                    + "\"multi\r\nline\",2024-01-17,\"x\ny\"\n"
                    + "\"  padded  \", 2024-01-18 ,\" usa \"\n"));
    assertUser(t, "a,b", day("2024-01-15"), "US");
    assertUser(t, "say \"hi\"", day("2024-01-16"), "CÔTE D'IVOIRE, REPUBLIC");
    assertUser(t, "multi\r\nline", day("2024-01-17"), "X\nY");
    assertUser(t, "padded", day("2024-01-18"), "US");
    assertThat(t.size()).isEqualTo(4);
  }

  @Test
  void headerInAnyOrderAndCaseWithSpacesAndExtraColumns() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                " Country ,extra, SIGNUP_Date,name,User_ID \nus,1,2024-02-29,Ann,u1\nDE,2,2023-02-28,Bob,u2\n"));
    assertUser(t, "u1", day("2024-02-29"), "US");
    assertUser(t, "u2", day("2023-02-28"), "DE");
  }

  @Test
  void duplicateIdsFirstWins() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                "user_id,signup_date,country\nu1,2024-01-01,US\nu2,2024-01-02,CA\n u1 ,2024-01-03,FR\nu1,bad,GB\n"));
    assertThat(t.size()).isEqualTo(2);
    assertUser(t, "u1", day("2024-01-01"), "US");
    assertThat(t.stats().duplicateIds()).isEqualTo(2);
    assertThat(t.stats().rows()).isEqualTo(4);
    assertThat(t.stats().users()).isEqualTo(2);
  }

  @Test
  void blankIdsAreSkippedAndCounted() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                "user_id,signup_date,country\n,2024-01-01,US\n   ,2024-01-01,US\n\"\t\",,\nu1,2024-01-01,US\n"));
    assertThat(t.size()).isEqualTo(1);
    assertThat(t.stats()).isEqualTo(new UsersStats(4, 1, 3, 0, 0));
  }

  @Test
  void invalidSignupDatesBecomeNoDateAndAreCounted() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                "user_id,signup_date,country\n"
                    + "a,2023-02-29,US\nb,15/01/2024,US\nc,2024-1-5,US\nd,2024-01-15T00:00:00Z,US\ne,,US\n"
                    + "f,0000-01-01,US\ng, 2024-01-15 ,US\nh,\"\t2024-01-16\t\",US\n"));
    for (String id : new String[] {"a", "b", "c", "d", "e", "f"}) {
      assertUser(t, id, UsersTable.NO_DATE, "US");
    }
    assertUser(t, "g", day("2024-01-15"), "US");
    assertUser(t, "h", day("2024-01-16"), "US");
    assertThat(t.stats().invalidSignupDates()).isEqualTo(6);
  }

  @Test
  void countriesAreNormalised() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                "user_id,signup_date,country\na,,United States of America\nb,,  \nc,, gb \nd,,UNITED STATES\n"));
    assertThat(t.country(indexOf(t, "a"))).isEqualTo("US");
    assertThat(t.country(indexOf(t, "b"))).isNull();
    assertThat(t.country(indexOf(t, "c"))).isEqualTo("GB");
    assertThat(t.country(indexOf(t, "d"))).isEqualTo("US");
  }

  @Test
  void missingColumnIsBadInputNamingTheColumn() throws IOException {
    Path file = write("user_id,signup,country\nu1,2024-01-01,US\n");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ", line 1: ")
        .hasMessageContaining("the header has no signup_date column");
    Path two = write("id,country\n");
    assertThatThrownBy(() -> UsersCsvReader.read(two))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("the header has no user_id, signup_date columns");
  }

  @Test
  void aFileThatFailsToReadIsBadInputNamingTheFailure() {
    // Linux reads address 0 of this file, which is never mapped: the read fails with EIO.
    Path unreadable = Path.of("/proc/self/mem");
    assumeTrue(Files.isReadable(unreadable), "needs Linux's /proc/self/mem");
    assertThatThrownBy(() -> UsersCsvReader.read(unreadable))
        .isInstanceOf(BadInputException.class)
        .hasMessage(unreadable + ": cannot read: Input/output error");
  }

  @Test
  void repeatedRequiredColumnIsBadInput() throws IOException {
    Path file = write("user_id,signup_date,country,USER_ID\nu1,2024-01-01,US,u2\n");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("user_id twice");
  }

  @Test
  void emptyFileIsBadInput() throws IOException {
    Path file = write("");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("empty");
  }

  @Test
  void headerOnlyIsAnEmptyTable() throws IOException {
    UsersTable t = UsersCsvReader.read(write("user_id,signup_date,country\n"));
    assertThat(t.size()).isZero();
    assertThat(t.stats()).isEqualTo(new UsersStats(0, 0, 0, 0, 0));
  }

  @Test
  void rowWithTooFewOrTooManyFieldsIsBadInputNamingTheLine() throws IOException {
    Path fewer =
        write("user_id,signup_date,country\nu1,2024-01-01,US\n\"a\nb\",x,y\nu2,2024-01-01\n");
    BadInputException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            BadInputException.class, () -> UsersCsvReader.read(fewer));
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .isEqualTo(fewer + ", line 5: the row has 2 fields but the header has 3");
    assertThat(e.line()).hasValue(5);
    Path more = write("user_id,signup_date,country\r\nu1,2024-01-01,US,extra\r\n");
    assertThatThrownBy(() -> UsersCsvReader.read(more))
        .isInstanceOf(BadInputException.class)
        .hasMessage(more + ", line 2: the row has 4 fields but the header has 3");
  }

  @Test
  void emptyLinesAreSkipped() throws IOException {
    UsersTable t =
        UsersCsvReader.read(write("user_id,signup_date,country\n\nu1,2024-01-01,US\n\r\n\nu2,,\n"));
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.stats().rows()).isEqualTo(2);
  }

  @Test
  void missingFileIsBadInput() {
    Path file = dir.resolve("missing.csv");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": users file not found");
  }

  /** FastCSV 4.1 closes a quote left open at the end by itself; that must not pass silently. */
  @Test
  void unclosedQuoteIsBadInputNamingWhereItOpens() throws IOException {
    String never =
        ": the quoted field that opens here is never closed (no closing '\"' before the"
            + " end of the file)";
    Path swallowing =
        write(
            "user_id,signup_date,country\na,2020-01-01,\"US\nb,2020-01-01,US\n"
                + "c,2020-01-01,US\n");
    assertThatThrownBy(() -> UsersCsvReader.read(swallowing))
        .isInstanceOf(BadInputException.class)
        .hasMessage(swallowing + ", line 2, column 14" + never);
    Path last = write("user_id,signup_date,country\na,2020-01-01,\"US\n");
    assertThatThrownBy(() -> UsersCsvReader.read(last))
        .hasMessage(last + ", line 2, column 14" + never);
    Path firstField = write("\uFEFFuser_id,signup_date,country\r\nu1,2024-01-01,US\r\n\"u2,x\r\n");
    assertThatThrownBy(() -> UsersCsvReader.read(firstField))
        .hasMessage(firstField + ", line 3, column 1" + never);
    Path afterMultiLine =
        write(
            "user_id,signup_date,country\n\"a\r\nb\",2020-01-01,US\n" + "c,2020-01-01,\"U\"\"S\n");
    assertThatThrownBy(() -> UsersCsvReader.read(afterMultiLine))
        .hasMessage(afterMultiLine + ", line 4, column 14" + never);
  }

  @Test
  void textAfterAClosingQuoteIsBadInputNamingItsColumn() throws IOException {
    Path file = write("user_id,signup_date,country\nu0,2020-01-01,US\n\"a\"x,2020-01-01,US\n");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file
                + ", line 3, column 4: a field's closing '\"' is followed by other text; a"
                + " quoted field must end at a comma or a line end, and a '\"' inside it must be"
                + " doubled");
  }

  @Test
  void anEarlierRowErrorIsReportedBeforeALaterQuoteError() throws IOException {
    Path file = write("user_id,signup_date,country\nu0,2020-01-01\nu1,2020-01-01,\"US\n");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .hasMessage(file + ", line 2: the row has 2 fields but the header has 3");
  }

  /** FastCSV 4.1 drops such a last row; the row count the quote check keeps catches it. */
  @Test
  void aLastRowFastCsvDropsIsBadInput() throws IOException {
    Path file = write("user_id,signup_date,country\nu1,2020-01-01,US\nu2,2020-01-01,\"U\rS\"\n");
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file
                + ": the CSV library read 2 rows where the file holds 3 (FastCSV 4.1 drops"
                + " a last row whose last field is quoted and holds a carriage return not followed by a"
                + " line feed)");
    Path crlf =
        write("user_id,signup_date,country\r\nu1,2020-01-01,US\r\nu2,2020-01-01,\"U\rS\"\r\n");
    assertThat(UsersCsvReader.read(crlf).size()).isEqualTo(2);
  }

  @Test
  void quotesThatCloseAreRead() throws IOException {
    UsersTable t =
        UsersCsvReader.read(
            write(
                "\uFEFF\"user_id\",\"signup_date\",\"country\"\r\n"
                    + "\"a,\"\"b\"\"\",\"2024-01-15\",\"US\"\r\nc\"d,2024-01-16,\"\"\n\"e\",,\"US\""));
    assertUser(t, "a,\"b\"", day("2024-01-15"), "US");
    assertUser(t, "c\"d", day("2024-01-16"), null);
    assertUser(t, "e", UsersTable.NO_DATE, "US");
    assertThat(t.size()).isEqualTo(3);
  }

  @Test
  void bytesThatAreNotUtf8AreBadInputNamingTheirLineAndColumn() throws IOException {
    byte[] head =
        "\uFEFFuser_id,signup_date,country\r\nu1,2024-01-15,US\r\nu2,2024-01-15,U".getBytes(UTF_8);
    byte[] content = java.util.Arrays.copyOf(head, head.length + 8);
    byte[] rest = {(byte) 0xC0, (byte) 0x80, 'S', '\r', '\n', 'u', '3', ','};
    System.arraycopy(rest, 0, content, head.length, rest.length);
    Path file = dir.resolve("users.csv");
    Files.write(file, content);
    assertThatThrownBy(() -> UsersCsvReader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            file
                + ", line 3, column 16: the bytes 0xC0 are not valid UTF-8 (the users"
                + " file must be UTF-8)");
  }
}
