package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable distribution as a production host gets it: benefits-etl-VERSION.tar.gz unpacked
 * into an empty directory and run with nothing but a Java runtime and basic shell tools on the PATH
 * (no Maven), on the bundled data.
 */
class TarballIT {
  /** What the launcher calls, besides java: a host's basic tools. */
  private static final List<String> TOOLS =
      List.of(
          "bash",
          "env",
          "dirname",
          "readlink",
          "ls",
          "cat",
          "cksum",
          "cut",
          "mkdir",
          "mktemp",
          "mv",
          "rm",
          "tput");

  record Result(int status, String out, String err) {}

  @Test
  void unpackedIntoAnEmptyDirectoryItRunsWithoutMaven(@TempDir Path dir) throws Exception {
    Path tarball = Path.of(System.getProperty("etl.tarball"));
    assertThat(tarball).isRegularFile();
    Path host = Files.createDirectories(dir.resolve("host"));
    Process untar =
        new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", host.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(untar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(untar.exitValue()).isZero();
    Path home;
    try (Stream<Path> unpacked = Files.list(host)) {
      home = unpacked.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("benefits-etl-");
    assertThat(home.resolve("bin/etl")).isExecutable();
    Path bin = pathWithoutMaven(dir.resolve("path"));

    Result check = run(home, bin, dir, "-c", "command -v mvn || echo no-maven");
    assertThat(check.out.strip()).isEqualTo("no-maven");

    Result version = run(home, bin, dir, home.resolve("bin/etl").toString(), "--version");
    assertThat(version.status).as(version.err).isZero();
    assertThat(version.out).matches("(?s)benefits-etl \\S+ \\(commit [0-9a-f]{10}.*\\)\\s*");

    Path data = TestFiles.repository().resolve("data");
    Path out = dir.resolve("out");
    Result r =
        run(
            home,
            bin,
            dir,
            home.resolve("bin/etl").toString(),
            "run",
            "--events",
            data.resolve("raw_events.json").toString(),
            "--users",
            data.resolve("users.csv").toString(),
            "--output",
            out.toString());

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("clean events               3,784").contains("report.html");
    Outputs.assertFromOneRun(out);
  }

  /** A directory of links to java and the launcher's tools: a PATH on which Maven is not. */
  private static Path pathWithoutMaven(Path bin) throws IOException {
    Files.createDirectories(bin);
    Files.createSymbolicLink(
        bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    for (String tool : TOOLS) {
      for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
        Path found = Path.of(dir, tool);
        if (Files.isExecutable(found)) {
          Files.createSymbolicLink(bin.resolve(tool), found);
          break;
        }
      }
    }
    return bin;
  }

  private static Result run(Path home, Path bin, Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bin.resolve("bash").toString()));
    command.addAll(List.of(args));
    ProcessBuilder b =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    b.environment().clear();
    b.environment().put("PATH", bin.toString());
    b.environment().put("HOME", dir.toString());
    Process p = b.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }
}
