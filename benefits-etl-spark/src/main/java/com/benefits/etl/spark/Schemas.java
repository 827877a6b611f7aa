package com.benefits.etl.spark;

import com.benefits.etl.internal.write.OutputSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The three outputs' Spark schemas, derived from the embedded engine's Parquet schemas ({@link
 * OutputSchemas}), so both engines write the same columns: a required Parquet column is a
 * non-nullable Spark field (Spark writes it REQUIRED), a {@code TIMESTAMP(MICROS, UTC)} a {@code
 * TimestampType} (written as {@code TIMESTAMP_MICROS}, see {@link SparkRun}), a {@code DATE} a
 * {@code DateType}.
 */
final class Schemas {
  static final StructType CLEAN_EVENTS = of(OutputSchemas.CLEAN_EVENTS);
  static final StructType DAILY_SUMMARY = of(OutputSchemas.DAILY_SUMMARY);
  static final StructType REJECTED_EVENTS = of(OutputSchemas.REJECTED_EVENTS);

  private Schemas() {}

  static StructType of(MessageType parquet) {
    List<StructField> fields = new ArrayList<>();
    for (Type t : parquet.getFields()) {
      boolean nullable = t.getRepetition() == Type.Repetition.OPTIONAL;
      fields.add(
          DataTypes.createStructField(t.getName(), sparkType(t.asPrimitiveType()), nullable));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType sparkType(PrimitiveType t) {
    LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
    switch (t.getPrimitiveTypeName()) {
      case BINARY:
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
          return DataTypes.StringType;
        }
        break;
      case INT32:
        if (logical == null) {
          return DataTypes.IntegerType;
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return DataTypes.DateType;
        }
        break;
      case INT64:
        if (logical == null) {
          return DataTypes.LongType;
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
            && ts.isAdjustedToUTC()
            && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
          return DataTypes.TimestampType;
        }
        break;
      case DOUBLE:
        return DataTypes.DoubleType;
      default:
        break;
    }
    throw new IllegalStateException("no Spark type for the Parquet column " + t);
  }
}
