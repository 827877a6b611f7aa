package com.benefits.etl.internal.write;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.dateType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schemas of the three outputs, exactly as docs/spec.md tables them. The field order
 * here is the column order in the files; the row writers look their columns up by name.
 */
public final class OutputSchemas {

  /** {@code clean_events.parquet} (docs/spec.md 3.1). */
  public static final MessageType CLEAN_EVENTS =
      Types.buildMessage()
          .required(BINARY)
          .as(stringType())
          .named("user_id")
          .optional(BINARY)
          .as(stringType())
          .named("event_type")
          .required(BINARY)
          .as(stringType())
          .named("timestamp")
          .required(INT64)
          .as(timestampType(true, MICROS))
          .named("timestamp_dt")
          .required(INT32)
          .as(dateType())
          .named("event_date")
          .optional(DOUBLE)
          .named("value")
          .optional(BINARY)
          .as(stringType())
          .named("device")
          .optional(BINARY)
          .as(stringType())
          .named("page")
          .optional(INT32)
          .as(dateType())
          .named("signup_date")
          .required(BINARY)
          .as(stringType())
          .named("country")
          .named("clean_events");

  /** {@code daily_summary.parquet} (docs/spec.md 3.2). */
  public static final MessageType DAILY_SUMMARY =
      Types.buildMessage()
          .required(BINARY)
          .as(stringType())
          .named("user_id")
          .required(INT32)
          .as(dateType())
          .named("event_date")
          .required(INT64)
          .named("event_count")
          .named("daily_summary");

  /** {@code rejected_events.parquet} (docs/spec.md 3.3). */
  public static final MessageType REJECTED_EVENTS =
      Types.buildMessage()
          .required(INT64)
          .named("record_index")
          .required(BINARY)
          .as(stringType())
          .named("reason")
          .required(BINARY)
          .as(stringType())
          .named("detail")
          .required(BINARY)
          .as(stringType())
          .named("raw_record")
          .named("rejected_events");

  private OutputSchemas() {}
}
