package com.benefits.etl.cli.inspect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * A row's values as text, by their logical types: dates as {@code 2024-03-15}, UTC timestamps as
 * {@code 2024-03-15T14:22:05.123456Z}, strings as they are, decimals exactly, other bytes in hex. A
 * missing optional value is {@code NULL}; a repeated field or a LIST is {@code [a, b]}; a MAP is
 * {@code {key: value}}; another group is {@code {name: value, ...}}.
 */
final class Values {
  static final String NULL = "NULL";
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private Values() {}

  /** The values of the row's top-level fields, in schema order. */
  static List<String> row(Group row) {
    GroupType type = row.getType();
    List<String> values = new ArrayList<>(type.getFieldCount());
    for (int f = 0; f < type.getFieldCount(); f++) {
      values.add(field(row, f));
    }
    return values;
  }

  /** The value of field {@code name} of the row, or {@link #NULL}. */
  static String field(Group row, String name) {
    return field(row, row.getType().getFieldIndex(name));
  }

  private static String field(Group row, int f) {
    Type type = row.getType().getType(f);
    int count = row.getFieldRepetitionCount(f);
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      List<String> items = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        items.add(value(row, f, i, type));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return count == 0 ? NULL : value(row, f, 0, type);
  }

  private static String value(Group row, int f, int i, Type type) {
    if (!type.isPrimitive()) {
      return group(row.getGroup(f, i));
    }
    PrimitiveType primitive = type.asPrimitiveType();
    try {
      return primitive(row, f, i, primitive);
    } catch (DateTimeException e) {
      // A date or time out of java.time's range: the stored number, as it is.
      return primitive.getPrimitiveTypeName() == PrimitiveTypeName.INT32
          ? Integer.toString(row.getInteger(f, i))
          : Long.toString(row.getLong(f, i));
    }
  }

  private static String primitive(Group row, int f, int i, PrimitiveType primitive) {
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> Boolean.toString(row.getBoolean(f, i));
      case FLOAT -> Float.toString(row.getFloat(f, i));
      case DOUBLE -> Double.toString(row.getDouble(f, i));
      case INT32 -> int32(row.getInteger(f, i), logical);
      case INT64 -> int64(row.getLong(f, i), logical);
      case INT96 -> int96(row.getInt96(f, i));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> bytes(row.getBinary(f, i), logical);
    };
  }

  /** A LIST as {@code [a, b]}, a MAP as {@code {k: v}}, any other group as {@code {name: v}}. */
  private static String group(Group group) {
    GroupType type = group.getType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    boolean oneRepeated =
        type.getFieldCount() == 1 && type.getType(0).isRepetition(Type.Repetition.REPEATED);
    if (oneRepeated && logical instanceof ListLogicalTypeAnnotation) {
      Type repeated = type.getType(0);
      int count = group.getFieldRepetitionCount(0);
      List<String> items = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        // Three levels (list, element) as the format asks; two in some older writers' files.
        boolean threeLevels =
            !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1;
        items.add(threeLevels ? field(group.getGroup(0, i), 0) : value(group, 0, i, repeated));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (oneRepeated
        && logical instanceof MapLogicalTypeAnnotation
        && !type.getType(0).isPrimitive()
        && type.getType(0).asGroupType().getFieldCount() == 2) {
      int count = group.getFieldRepetitionCount(0);
      List<String> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Group entry = group.getGroup(0, i);
        entries.add(field(entry, 0) + ": " + field(entry, 1));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    List<String> fields = new ArrayList<>();
    for (int g = 0; g < type.getFieldCount(); g++) {
      fields.add(type.getFieldName(g) + ": " + field(group, g));
    }
    return "{" + String.join(", ", fields) + "}";
  }

  private static String int32(int v, LogicalTypeAnnotation logical) {
    if (logical instanceof DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(v).toString();
    }
    if (logical instanceof DecimalLogicalTypeAnnotation d) {
      return BigDecimal.valueOf(v, d.getScale()).toPlainString();
    }
    if (logical instanceof TimeLogicalTypeAnnotation) {
      return LocalTime.ofNanoOfDay(v * 1_000_000L).toString();
    }
    if (logical instanceof IntLogicalTypeAnnotation n && !n.isSigned()) {
      return Integer.toUnsignedString(v);
    }
    return Integer.toString(v);
  }

  private static String int64(long v, LogicalTypeAnnotation logical) {
    if (logical instanceof TimestampLogicalTypeAnnotation t) {
      long perSecond = perSecond(t.getUnit());
      long seconds = Math.floorDiv(v, perSecond);
      long nanos = Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond);
      return t.isAdjustedToUTC()
          ? Instant.ofEpochSecond(seconds, nanos).toString()
          : LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC).toString();
    }
    if (logical instanceof TimeLogicalTypeAnnotation t) {
      return LocalTime.ofNanoOfDay(v * (1_000_000_000L / perSecond(t.getUnit()))).toString();
    }
    if (logical instanceof DecimalLogicalTypeAnnotation d) {
      return BigDecimal.valueOf(v, d.getScale()).toPlainString();
    }
    if (logical instanceof IntLogicalTypeAnnotation n && !n.isSigned()) {
      return Long.toUnsignedString(v);
    }
    return Long.toString(v);
  }

  private static long perSecond(TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> 1_000L;
      case MICROS -> 1_000_000L;
      case NANOS -> 1_000_000_000L;
    };
  }

  /** The legacy INT96 timestamp: nanoseconds of the day, then the Julian day, little-endian. */
  private static String int96(Binary value) {
    ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = b.getLong();
    long julianDay = Integer.toUnsignedLong(b.getInt());
    long seconds = (julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L;
    return Instant.ofEpochSecond(seconds, nanosOfDay).toString();
  }

  private static String bytes(Binary value, LogicalTypeAnnotation logical) {
    if (logical instanceof StringLogicalTypeAnnotation
        || logical instanceof EnumLogicalTypeAnnotation
        || logical instanceof JsonLogicalTypeAnnotation) {
      return value.toStringUsingUTF8();
    }
    if (logical instanceof DecimalLogicalTypeAnnotation d) {
      return new BigDecimal(new BigInteger(value.getBytes()), d.getScale()).toPlainString();
    }
    if (logical instanceof UUIDLogicalTypeAnnotation && value.length() == 16) {
      ByteBuffer b = value.toByteBuffer();
      return new UUID(b.getLong(), b.getLong()).toString();
    }
    return "0x" + HexFormat.of().formatHex(value.getBytes());
  }
}
