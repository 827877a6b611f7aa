package com.benefits.etl.cli.inspect;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/** A Parquet schema's leaf columns in the words of the format's specification (and SPEC 3). */
final class Schemas {
  /** One leaf column: dotted path, physical type, logical type (or empty), repetition. */
  record Column(String name, String physical, String logical, String repetition) {
    Column withoutRepetition() {
      return new Column(name, physical, logical, "");
    }
  }

  private Schemas() {}

  static List<Column> columns(MessageType schema) {
    return schema.getColumns().stream().map(Schemas::column).toList();
  }

  /** {@code user_id BYTE_ARRAY STRING required, ...}, for messages. */
  static String oneLine(MessageType schema) {
    return columns(schema).stream()
        .map(
            c ->
                String.join(
                    " ",
                    c.name(),
                    c.physical(),
                    c.logical().isEmpty() ? c.repetition() : c.logical() + " " + c.repetition()))
        .collect(Collectors.joining(", "));
  }

  private static Column column(ColumnDescriptor descriptor) {
    PrimitiveType type = descriptor.getPrimitiveType();
    return new Column(
        String.join(".", descriptor.getPath()),
        physical(type),
        logical(type.getLogicalTypeAnnotation()),
        type.getRepetition().name().toLowerCase(Locale.ROOT));
  }

  /** The format's name: {@code BYTE_ARRAY} where parquet-java says {@code BINARY}. */
  static String physical(PrimitiveType type) {
    return switch (type.getPrimitiveTypeName()) {
      case BINARY -> "BYTE_ARRAY";
      case FIXED_LEN_BYTE_ARRAY -> "FIXED_LEN_BYTE_ARRAY(" + type.getTypeLength() + ")";
      default -> type.getPrimitiveTypeName().name();
    };
  }

  /** {@code STRING}, {@code DATE}, {@code TIMESTAMP(MICROS, isAdjustedToUTC=true)}, or empty. */
  static String logical(LogicalTypeAnnotation logical) {
    if (logical == null) {
      return "";
    }
    if (logical instanceof TimestampLogicalTypeAnnotation t) {
      return "TIMESTAMP(" + t.getUnit() + ", isAdjustedToUTC=" + t.isAdjustedToUTC() + ")";
    }
    if (logical instanceof TimeLogicalTypeAnnotation t) {
      return "TIME(" + t.getUnit() + ", isAdjustedToUTC=" + t.isAdjustedToUTC() + ")";
    }
    return logical.toString();
  }
}
