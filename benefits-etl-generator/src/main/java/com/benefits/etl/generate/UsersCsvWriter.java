package com.benefits.etl.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes {@code users.csv}: UTF-8 with a byte-order mark, CRLF, a header in another order and case
 * with an extra column, quoted fields, blank and repeated ids, bad dates, country variants.
 */
final class UsersCsvWriter {
  /** The header as written: shuffled order, mixed case, padding, an extra column. */
  static final String[] HEADER = {"Country", "user_id", " SIGNUP_DATE ", "plan"};

  /** A repeated id's second row follows this many users later. */
  private static final int DUPLICATE_LAG = 3;

  private UsersCsvWriter() {}

  static UsersCounts write(Path file, UserDirectory users, SplittableRandom rng)
      throws IOException {
    long rows = 0;
    long blank = 0;
    long duplicates = 0;
    long invalidDates = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer)) {
        csv.writeRecord(HEADER);
        int n = users.size();
        for (int i = 0; i < n; i++) {
          if (rng.nextInt(100) == 0) {
            String id = rng.nextBoolean() ? "" : "   ";
            csv.writeRecord("US", id, "2023-06-01", "no id, skipped");
            rows++;
            blank++;
          }
          UserProfile user = users.profile(i);
          csv.writeRecord(user.country(), user.csvId(), user.signupDate(), user.plan());
          rows++;
          if (!user.signupValid()) {
            invalidDates++;
          }
          if (i >= DUPLICATE_LAG) {
            duplicates += writeDuplicate(csv, users, i - DUPLICATE_LAG);
          }
        }
        for (int j = Math.max(0, n - DUPLICATE_LAG); j < n; j++) {
          duplicates += writeDuplicate(csv, users, j);
        }
        rows += duplicates;
      }
    }
    return new UsersCounts(rows, blank, duplicates, invalidDates, rows - blank - duplicates);
  }

  private static int writeDuplicate(CsvWriter csv, UserDirectory users, int index) {
    UserProfile user = users.profile(index);
    if (!user.duplicated()) {
      return 0;
    }
    csv.writeRecord(users.duplicateRow(user));
    return 1;
  }
}
