package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the distribution's launcher, {@code bin/etl}, as a separate process, as users and
 * schedulers start it: stdout and stderr go to files, the process can be signalled by its pid, and
 * extra JVM options (a pause point, a {@code java.io.tmpdir}) are added to the launcher's defaults
 * through {@code ETL_JAVA_OPTS}. The class-data archive is off ({@code ETL_CDS=off}) so that no run
 * trains one and each starts the same way.
 */
final class EtlProcess {
  private final Process process;
  private final Path out;
  private final Path err;

  private EtlProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts the launcher in {@code workDir}, logging to {@code NAME.out} and {@code NAME.err}. */
  static EtlProcess start(Path workDir, String name, List<String> jvmOptions, List<String> args)
      throws IOException {
    return start(workDir, name, jvmOptions, args, ProcessBuilder.Redirect.PIPE);
  }

  /** As {@link #start(Path, String, List, List)}, with standard input from {@code stdin}. */
  static EtlProcess start(
      Path workDir,
      String name,
      List<String> jvmOptions,
      List<String> args,
      ProcessBuilder.Redirect stdin)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Distribution.launcher().toString());
    command.addAll(args);
    List<String> options = new ArrayList<>(Distribution.defaultJvmOptions());
    options.addAll(jvmOptions);
    Path out = workDir.resolve(name + ".out");
    Path err = workDir.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(stdin)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("ETL_JAVA_OPTS", String.join(" ", options));
    builder.environment().put("ETL_CDS", "off");
    return new EtlProcess(builder.start(), out, err);
  }

  /** {@code run --events E --users U --output O} and then {@code extra}. */
  static List<String> run(Path events, Path users, Path output, String... extra) {
    return CliResult.runArgs(events, users, output, extra);
  }

  Process process() {
    return process;
  }

  /** The JVM's pid: the launcher {@code exec}s java, so signals sent to it reach the JVM. */
  long pid() {
    return process.pid();
  }

  /** Waits for the process to end and returns its exit status. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the run did not end within " + timeout + "; its stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  /** Waits for a successful end. */
  void succeeds() throws InterruptedException {
    int status = waitFor(Duration.ofSeconds(120));
    assertThat(status).as(stderr()).isZero();
  }

  /** Waits until stderr holds {@code text}, failing if the process ends first or time runs out. */
  void awaitStderr(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!stderr().contains(text)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the run ended (status "
                + process.exitValue()
                + ") before printing "
                + text
                + ":\n"
                + stderr());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + text + " within " + timeout + ":\n" + stderr());
      }
      Thread.sleep(20);
    }
  }

  /** Sends {@code signal} (such as INT or TERM) with kill(1). */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %d", signal, pid()).isZero();
  }

  /** SIGKILL, and waits for the end: status 137. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(137);
  }

  String stdout() {
    return read(out);
  }

  String stderr() {
    return read(err);
  }

  /** Whether the JVM ignores {@code SIGINT} because it was ignored when the JVM started. */
  boolean ignoresSigint() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
