package com.benefits.etl.testing;

import com.benefits.etl.RejectReason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * An independent, slow, in-memory reading of docs/spec.md, used only to check that the generator's
 * manifest is exact. It shares no code with the generator.
 *
 * <p>"Trimmed" (docs/spec.md 1.1, 1.2) removes surrounding characters with the Unicode White_Space
 * property (a regular expression here, independent of the pipeline's hand-written check): not
 * {@link String#trim()}, which also removes control characters such as U+0001, nor {@link
 * String#strip()}, which keeps the no-break spaces.
 */
public final class SpecOracle {
  private static final Pattern SURROUNDING_SPACE =
      Pattern.compile("^\\p{IsWhite_Space}+|\\p{IsWhite_Space}+$");

  static String trim(String s) {
    return SURROUNDING_SPACE.matcher(s).replaceAll("");
  }

  private static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "(Z|z|([+-])(\\d{2})(?::?(\\d{2}))?)?");
  private static final long MIN_SECOND =
      LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long MAX_SECOND =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  /** The outcome of reading both files. */
  public record Result(
      List<String> fates,
      long recordsRead,
      long clean,
      Map<RejectReason, Long> rejected,
      long dailyRows,
      long userRows,
      long blankIds,
      long duplicateIds,
      long invalidSignupDates,
      long distinctUsers) {}

  private record Key(String userId, Object eventType, String timestamp, Double value) {}

  private final Map<String, String> countryById = new HashMap<>();
  private final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
  private final Set<Key> seen = new HashSet<>();
  private final Set<String> daily = new HashSet<>();
  private final List<String> fates = new ArrayList<>();
  private long records;
  private long clean;

  /**
   * Reads both files as docs/spec.md says; {@code fates} holds, per record index, the reason code
   * of its rejection or "clean".
   */
  public static Result run(Path events, Path users) throws IOException {
    SpecOracle oracle = new SpecOracle();
    long[] userCounts = oracle.readUsers(users);
    oracle.readEvents(events);
    return new Result(
        List.copyOf(oracle.fates),
        oracle.records,
        oracle.clean,
        oracle.rejected,
        oracle.daily.size(),
        userCounts[0],
        userCounts[1],
        userCounts[2],
        userCounts[3],
        oracle.countryById.size());
  }

  private long[] readUsers(Path users) throws IOException {
    long rows = 0;
    long blank = 0;
    long dups = 0;
    long badDates = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(users)) {
      int id = -1;
      int date = -1;
      int country = -1;
      boolean header = true;
      for (CsvRecord row : csv) {
        if (header) {
          for (int i = 0; i < row.getFieldCount(); i++) {
            switch (trim(row.getField(i)).toLowerCase(Locale.ROOT)) {
              case "user_id" -> id = i;
              case "signup_date" -> date = i;
              case "country" -> country = i;
              default -> {}
            }
          }
          if (id < 0 || date < 0 || country < 0) {
            throw new IllegalStateException("header " + row.getFields());
          }
          header = false;
          continue;
        }
        rows++;
        String userId = trim(row.getField(id));
        if (userId.isEmpty()) {
          blank++;
          continue;
        }
        if (countryById.containsKey(userId)) {
          dups++;
          continue;
        }
        countryById.put(userId, normaliseCountry(row.getField(country)));
        if (!validDate(trim(row.getField(date)))) {
          badDates++;
        }
      }
    }
    return new long[] {rows, blank, dups, badDates};
  }

  private static String normaliseCountry(String raw) {
    String c = trim(raw).toUpperCase(Locale.ROOT);
    return switch (c) {
      case "USA", "UNITED STATES", "UNITED STATES OF AMERICA" -> "US";
      case "" -> "";
      default -> c;
    };
  }

  private static boolean validDate(String s) {
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(s.substring(0, 4)),
          Integer.parseInt(s.substring(5, 7)),
          Integer.parseInt(s.substring(8, 10)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private void readEvents(Path events) throws IOException {
    try (InputStream in = open(events)) {
      byte[] all = in.readAllBytes();
      String text = new String(all, StandardCharsets.UTF_8);
      if (text.stripLeading().startsWith("[")) {
        try (JsonParser p = JSON.createParser(all)) {
          if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException("not an array");
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            record(readValue(p));
          }
          if (p.nextToken() != null) {
            throw new IllegalStateException("content after the array");
          }
        }
      } else {
        try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    new java.io.ByteArrayInputStream(all), StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
              continue;
            }
            record(parseLine(line));
          }
        }
      }
    }
  }

  public static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  private static Object parseLine(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken();
      Object value = readValue(p);
      if (p.nextToken() != null) {
        return List.of("trailing content");
      }
      return value;
    } catch (IOException e) {
      return "not json";
    }
  }

  /** Reads the value at the current token; objects keep the last of repeated keys. */
  private static Object readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, readValue(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getBigIntegerValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IllegalStateException("token " + t);
    }
  }

  private void record(Object value) {
    records++;
    if (!(value instanceof Map<?, ?> obj) || !wellTyped(obj)) {
      reject(RejectReason.MALFORMED_RECORD);
      return;
    }
    Object rawId = obj.get("user_id");
    String userId =
        rawId instanceof String s ? trim(s) : rawId instanceof BigInteger i ? i.toString() : "";
    if (userId.isEmpty()) {
      reject(RejectReason.MISSING_USER_ID);
      return;
    }
    Object ts = obj.get("timestamp");
    Long second = ts instanceof String s ? epochSecond(s) : null;
    if (second == null) {
      reject(RejectReason.INVALID_TIMESTAMP);
      return;
    }
    Object v = obj.get("value");
    // docs/spec.md, step 4 compares values as numbers, so -0.0 equals 0.0; Double.equals does not:
    // + 0.0 turns -0.0 into 0.0 (and leaves every other value as it is).
    Double number = v instanceof Number n ? n.doubleValue() + 0.0 : null;
    Object type = obj.containsKey("event_type") ? obj.get("event_type") : NULL;
    if (!seen.add(new Key(userId, type, (String) ts, number))) {
      reject(RejectReason.DUPLICATE);
      return;
    }
    String country = countryById.get(userId);
    if (country == null) {
      reject(RejectReason.UNKNOWN_USER);
    } else if (!country.equals("US")) {
      reject(RejectReason.FILTERED_COUNTRY);
    } else {
      clean++;
      fates.add("clean");
      daily.add(userId + "|" + Math.floorDiv(second, 86_400L));
    }
  }

  private static boolean wellTyped(Map<?, ?> obj) {
    Object type = obj.get("event_type");
    Object value = obj.get("value");
    Object metadata = obj.get("metadata");
    if (type != null && type != NULL && !(type instanceof String)) {
      return false;
    }
    if (value != null && value != NULL && !(value instanceof Number)) {
      return false;
    }
    if (value instanceof Number n && Double.isInfinite(n.doubleValue())) {
      return false; // a value must fit a 64-bit float (docs/limits.md)
    }
    if (metadata == null || metadata == NULL) {
      return true;
    }
    if (!(metadata instanceof Map<?, ?> meta)) {
      return false;
    }
    for (String key : List.of("device", "page")) {
      Object field = meta.get(key);
      if (field != null && field != NULL && !(field instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /** The UTC epoch second of a valid docs/spec.md 1.3 timestamp, or null. */
  public static Long epochSecond(String s) {
    Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return null;
    }
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 1) {
      return null;
    }
    LocalDateTime local;
    try {
      local =
          LocalDateTime.of(
              year,
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              hour,
              minute,
              second);
    } catch (DateTimeException e) {
      return null;
    }
    int offset = 0;
    if (m.group(9) != null) {
      int oh = Integer.parseInt(m.group(10));
      int om = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
      if (om > 59 || oh * 60 + om > 18 * 60) {
        return null;
      }
      offset = (oh * 60 + om) * 60 * (m.group(9).equals("-") ? -1 : 1);
    }
    long epoch = local.toEpochSecond(ZoneOffset.UTC) - offset;
    if (epoch < MIN_SECOND || epoch > MAX_SECOND) {
      return null;
    }
    return epoch;
  }

  private void reject(RejectReason reason) {
    fates.add(reason.code());
    rejected.merge(reason, 1L, Long::sum);
  }

  public static long count(Result r, RejectReason reason) {
    return Objects.requireNonNullElse(r.rejected().get(reason), 0L);
  }
}
