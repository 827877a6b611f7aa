package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.model.Cancellation;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.rules.CivilDate;
import com.benefits.etl.internal.rules.Countries;
import com.benefits.etl.internal.rules.Texts;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the users CSV (docs/spec.md 1.2) with FastCSV: RFC 4180 quoting (a quote left open, or text
 * after a closing quote, is a fatal error naming its line and column: {@link
 * CsvQuotesCheckedInputStream}), LF or CRLF, UTF-8 with or without a BOM (bytes that are not UTF-8
 * are a fatal error naming their line and column); the header names {@code user_id}, {@code
 * signup_date} and {@code country} in any order and case (extra columns ignored). A data row whose
 * field count differs from the header's is a fatal error naming its line: the file's columns cannot
 * be trusted past it. Empty lines are skipped. Rows whose id repeats an earlier row's, and signup
 * dates that are not dates, are counted in the table's statistics and logged as one warning each,
 * with the first few lines.
 */
public final class UsersCsvReader {
  static final List<String> REQUIRED = List.of("user_id", "signup_date", "country");
  private static final Logger LOG = LoggerFactory.getLogger(UsersCsvReader.class);
  private static final String NOT_UTF8 =
      "the bytes %s are not valid UTF-8 (the users file must be UTF-8)";

  private UsersCsvReader() {}

  /**
   * Reads the whole users file into a table.
   *
   * @throws BadInputException when the file is missing or unreadable, a required column is missing
   *     or repeated, or a row is not well-formed
   */
  public static UsersTable read(Path file) {
    return read(file, new Cancellation(), Long.MAX_VALUE, warning -> {});
  }

  /**
   * Reads the whole users file into a table of at most {@code maxBytes}, checking {@code
   * cancellation} every 65,536 rows; each warning it logs also goes to {@code warnings}.
   *
   * @throws BadInputException as {@link #read(Path)} does, and when the table would outgrow {@code
   *     maxBytes} or an id is too long (docs/limits.md)
   * @throws com.benefits.etl.RunInterruptedException when the run is cancelled
   */
  public static UsersTable read(
      Path file, Cancellation cancellation, long maxBytes, Consumer<String> warnings) {
    InputFiles.requireReadableFile(file, "users file");
    return read(file, () -> Files.newInputStream(file), cancellation, maxBytes, warnings);
  }

  /**
   * Reads a users file that is not on the local file system (an engine reading s3a:// or hdfs://
   * opens it through its own file system): {@code source} opens its bytes, anew from the start at
   * each call; {@code file} names it in messages.
   */
  public static UsersTable read(Path file, EventReader.Source source) {
    return read(file, source, new Cancellation(), Long.MAX_VALUE, warning -> {});
  }

  private static UsersTable read(
      Path file,
      EventReader.Source source,
      Cancellation cancellation,
      long maxBytes,
      Consumer<String> warnings) {
    UsersTable.Builder table = UsersTable.builder(maxBytes);
    try (CsvQuotesCheckedInputStream checked =
            new CsvQuotesCheckedInputStream(
                new Utf8CheckedInputStream(source.open(), file, source, NOT_UTF8), file);
        CsvReader<CsvRecord> csv =
            CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .ofCsvRecord(checked, StandardCharsets.UTF_8)) {
      Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        throw new BadInputException(
            file,
            "the users file is empty; expected a header naming " + String.join(", ", REQUIRED));
      }
      CsvRecord header = rows.next();
      int[] columns = locate(file, header);
      int width = header.getFieldCount();
      RowWarnings repeated =
          new RowWarnings(
              "repeats an earlier row's user_id and was skipped: the first row of an id wins",
              "repeat an earlier row's user_id and were skipped: the first row of an id wins");
      RowWarnings invalidDates =
          new RowWarnings(
              "has a signup_date that is not a YYYY-MM-DD calendar date; it is null for that user",
              "have a signup_date that is not a YYYY-MM-DD calendar date; it is null for that user");
      for (long n = 1; rows.hasNext(); n++) {
        CsvRecord row = rows.next();
        if ((n & 0xFFFF) == 0) {
          cancellation.check();
        }
        if (row.getFieldCount() != width) {
          throw new BadInputException(
              file,
              row.getStartingLineNumber(),
              -1,
              "the row has " + row.getFieldCount() + " fields but the header has " + width,
              null);
        }
        String id = Texts.trimToNull(row.getField(columns[0]));
        String rawDate = row.getField(columns[1]);
        OptionalInt date = CivilDate.parseIsoDate(rawDate);
        boolean added;
        try {
          added =
              table.add(
                  id,
                  date.orElse(UsersTable.NO_DATE),
                  date.isEmpty(),
                  Countries.normalize(row.getField(columns[2])));
        } catch (UsersTable.TooManyUsersException | IllegalArgumentException e) {
          throw new BadInputException(
              file,
              row.getStartingLineNumber(),
              -1,
              e.getMessage()
                  + (e instanceof UsersTable.TooManyUsersException
                      ? "; give the JVM more heap (ETL_JAVA_OPTS=\"-Xmx2g\") to read it"
                      : ""),
              e);
        }
        if (added && date.isEmpty()) {
          invalidDates.add(row.getStartingLineNumber(), Texts.quote(rawDate));
        } else if (!added && id != null) {
          repeated.add(row.getStartingLineNumber(), Texts.quote(id));
        }
      }
      UsersTable users = table.build();
      long records = 1 + users.stats().rows(); // the header and every data row
      if (records != checked.rows()) {
        throw new BadInputException(
            file,
            "the CSV library read "
                + records
                + " rows where the"
                + " file holds "
                + checked.rows()
                + " (FastCSV 4.1 drops a last row whose last field"
                + " is quoted and holds a carriage return not followed by a line feed)");
      }
      repeated.log(LOG, file, users.stats().duplicateIds(), warnings);
      invalidDates.log(LOG, file, users.stats().invalidSignupDates(), warnings);
      return users;
    } catch (CsvParseException e) {
      throw new BadInputException(
          file,
          "the CSV is not well-formed: "
              + e.getMessage()
              + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()),
          e);
    } catch (IOException e) {
      throw readFailure(file, e, new UncheckedIOException(e));
    } catch (UncheckedIOException e) { // FastCSV's iterator wraps the stream's IOException
      throw readFailure(file, e.getCause(), e);
    }
  }

  /** The run's error a checking stream raised, or "cannot read" for any other read failure. */
  private static BadInputException readFailure(Path file, IOException e, RuntimeException cause) {
    return e instanceof InputError input
        ? input.error()
        : new BadInputException(file, ReadFailures.cannotRead(e), cause);
  }

  /** Positions of user_id, signup_date and country in the header. */
  private static int[] locate(Path file, CsvRecord header) {
    int[] positions = {-1, -1, -1};
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = Texts.trim(header.getField(i)).toLowerCase(Locale.ROOT);
      int which = REQUIRED.indexOf(name);
      if (which < 0) {
        continue;
      }
      if (positions[which] >= 0) {
        throw new BadInputException(
            file,
            header.getStartingLineNumber(),
            -1,
            "the header names column " + name + " twice",
            null);
      }
      positions[which] = i;
    }
    for (int i = 0; i < REQUIRED.size(); i++) {
      if (positions[i] < 0) {
        missing.add(REQUIRED.get(i));
      }
    }
    if (!missing.isEmpty()) {
      throw new BadInputException(
          file,
          header.getStartingLineNumber(),
          -1,
          "the header has no "
              + String.join(", ", missing)
              + " column"
              + (missing.size() > 1 ? "s" : "")
              + " (it must name user_id, signup_date and country)",
          null);
    }
    return positions;
  }
}
