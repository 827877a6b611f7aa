package com.benefits.etl.spark;

import com.benefits.etl.BadInputException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A {@link BadInputException} a task met, carried back to the driver as a result rather than
 * thrown: a thrown one would fail the task, which Spark retries {@code spark.task.maxFailures}
 * times, for input that will not change. The driver raises it again with the same message.
 */
record FatalInput(String file, long line, long column, String problem) implements Serializable {

  static FatalInput of(BadInputException e) {
    long line = e.line().orElse(-1);
    long column = e.column().orElse(-1);
    String prefix = new BadInputException(e.file(), line, column, "", null).getMessage();
    String message = e.getMessage();
    String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    return new FatalInput(e.file().toString(), line, column, problem);
  }

  BadInputException exception() {
    return new BadInputException(Path.of(file), line, column, problem, null);
  }
}
