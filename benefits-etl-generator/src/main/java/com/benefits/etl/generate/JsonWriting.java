package com.benefits.etl.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes {@link Json} values with a jackson-core {@link JsonGenerator} (which escapes strings). */
final class JsonWriting {
  private JsonWriting() {}

  static void write(JsonGenerator gen, Json value) throws IOException {
    if (value instanceof Json.Str s) {
      gen.writeString(s.value());
    } else if (value instanceof Json.Num n) {
      gen.writeNumber(n.text());
    } else if (value instanceof Json.Bool b) {
      gen.writeBoolean(b.value());
    } else if (value instanceof Json.Null) {
      gen.writeNull();
    } else if (value instanceof Json.Obj o) {
      gen.writeStartObject();
      for (Json.Field f : o.fields()) {
        gen.writeFieldName(f.name());
        write(gen, f.value());
      }
      gen.writeEndObject();
    } else if (value instanceof Json.Arr a) {
      gen.writeStartArray();
      for (Json item : a.items()) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else {
      throw new IllegalArgumentException("unknown JSON value " + value);
    }
  }
}
