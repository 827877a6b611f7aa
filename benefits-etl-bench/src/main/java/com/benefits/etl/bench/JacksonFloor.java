package com.benefits.etl.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The parse floor of the benchmark, run in its own JVM: one thread reads the events file with
 * jackson-core and calls {@link JsonParser#nextToken()} until the end, doing nothing with the
 * tokens. No pipeline can read the same file faster with the same parser. Prints the token count.
 */
public final class JacksonFloor {
  private JacksonFloor() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JacksonFloor EVENTS_FILE");
      System.exit(2);
    }
    long tokens = 0;
    try (JsonParser parser = new JsonFactory().createParser(Path.of(args[0]).toFile())) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    System.out.println("{\"tokens\": " + tokens + "}");
  }
}
