package com.benefits.etl.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A tiny JSON value model for the records the generator writes. Numbers keep their exact text, so
 * that {@code 10} and {@code 10.0} can be written on purpose; objects keep field order and repeated
 * keys.
 */
sealed interface Json permits Json.Str, Json.Num, Json.Bool, Json.Null, Json.Obj, Json.Arr {

  /** JSON {@code null}. */
  Null NULL = new Null();

  static Str str(String value) {
    return new Str(value);
  }

  static Num num(String text) {
    return new Num(text);
  }

  static Num num(long value) {
    return new Num(Long.toString(value));
  }

  static Bool bool(boolean value) {
    return new Bool(value);
  }

  static Obj obj(Field... fields) {
    return new Obj(List.of(fields));
  }

  static Arr arr(Json... items) {
    return new Arr(List.of(items));
  }

  static Field field(String name, Json value) {
    return new Field(name, value);
  }

  /** A JSON string. */
  record Str(String value) implements Json {
    public Str {
      requireNonNull(value, "value is null");
    }
  }

  /** A JSON number, written verbatim. */
  record Num(String text) implements Json {
    public Num {
      requireNonNull(text, "text is null");
    }

    boolean integral() {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return c == '-' && i == 0;
        }
      }
      return true;
    }
  }

  /** A JSON boolean. */
  record Bool(boolean value) implements Json {}

  /** JSON null. */
  record Null() implements Json {}

  /** A JSON object; field order and repeated keys are kept. */
  record Obj(List<Field> fields) implements Json {
    public Obj {
      fields = List.copyOf(fields);
    }
  }

  /** A JSON array. */
  record Arr(List<Json> items) implements Json {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /** One member of an object. */
  record Field(String name, Json value) {
    public Field {
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }
  }
}
