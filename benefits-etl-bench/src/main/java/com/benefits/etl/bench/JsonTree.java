package com.benefits.etl.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads small JSON documents (run reports, peer reports, results files) into plain Java values with
 * jackson-core alone: objects become {@link Map}, arrays {@link List}, integers {@link Long}, other
 * numbers {@link Double}, and JSON null {@code null}.
 */
final class JsonTree {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonTree() {}

  static Object read(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(file.toFile())) {
      p.nextToken();
      return value(p);
    }
  }

  static Object read(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      p.nextToken();
      return value(p);
    }
  }

  /** The value at a path of object keys, e.g. {@code at(report, "counts", "clean")}. */
  static Object at(Object root, String... keys) {
    Object node = root;
    for (String key : keys) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        throw new IllegalArgumentException("no " + String.join(".", keys) + " in " + root);
      }
      node = map.get(key);
    }
    return node;
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("empty JSON document");
    }
    switch (t) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            map.put(name, value(p));
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(p));
          }
          return list;
        }
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        return p.getText();
    }
  }
}
