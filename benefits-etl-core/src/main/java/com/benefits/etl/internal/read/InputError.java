package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import java.io.IOException;

/**
 * The run's {@link BadInputException}, wrapped as an {@link IOException} so that it can be thrown
 * from inside a stream a library reads (Jackson, FastCSV), which passes it on; the reader unwraps
 * it with {@link #error()}.
 */
final class InputError extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient BadInputException error;

  InputError(BadInputException error) {
    super(error.getMessage());
    this.error = error;
  }

  BadInputException error() {
    return error;
  }
}
