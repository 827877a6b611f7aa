package com.benefits.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.benefits.etl.testing.TestFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html as a person sees it: the bundled data's run opened in a real headless Chromium, the
 * figures of the rendered page compared with run_report.json's, and a screenshot saved as
 * target/report.png. Chromium comes from Debian's packages; .ci/run installs it and sets
 * ETL_REQUIRE_BROWSER, so there a missing browser fails the test instead of skipping it.
 */
class ReportHtmlBrowserTest {
  private static final Pattern FIGURE = Pattern.compile("data-figure=\"([^\"]+)\"[^>]*>([^<]*)<");

  @TempDir Path dir;

  static Path chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(p, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Chromium headless, as this machine's network and sandbox allow it. */
  private List<String> browser(Path chromium, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    return command;
  }

  private String run(List<String> command, Path stdout) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(dir.resolve("browser.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the browser finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("browser.log"))).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  @Test
  void theRenderedPageShowsTheRunReportsFigures() throws Exception {
    Path chromium = chromium();
    assumeTrue(
        chromium != null || System.getenv("ETL_REQUIRE_BROWSER") != null,
        "no Chromium on PATH (.ci/run installs Debian's)");
    assertThat(chromium).as("Chromium on PATH (ETL_REQUIRE_BROWSER is set)").isNotNull();
    Path data = TestFiles.repository().resolve("data");
    Path out = dir.resolve("out");
    RunResult result =
        EtlPipeline.of(data.resolve("raw_events.json"), data.resolve("users.csv"), out).run();
    Path page = out.resolve("report.html");
    assertThat(page).isRegularFile();

    String dom =
        run(browser(chromium, "--dump-dom", page.toUri().toString()), dir.resolve("dom.html"));
    Map<String, String> shown = new HashMap<>();
    Matcher m = FIGURE.matcher(dom);
    while (m.find()) {
      shown.put(m.group(1), m.group(2).replace(",", "").strip());
    }
    Map<String, String> report = flatten(out.resolve("run_report.json"));

    assertThat(shown.get("status")).isEqualTo("succeeded").isEqualTo(report.get("status"));
    for (String count : List.of("records_read", "clean", "rejected_total", "daily_summary_rows")) {
      assertThat(shown.get(count)).as(count).isEqualTo(report.get("counts." + count));
    }
    for (RejectReason reason : RejectReason.values()) {
      String count = report.get("counts." + reason.code());
      assertThat(shown.get(reason.code())).as(reason.code()).isEqualTo(count);
      assertThat(shown.get("rejects." + reason.code())).isEqualTo(count);
    }
    for (String u :
        List.of("rows", "users", "blank_ids", "duplicate_ids", "invalid_signup_dates")) {
      assertThat(shown.get("users." + u)).as(u).isEqualTo(report.get("users." + u));
    }
    assertThat(shown.get("duration_ms")).isEqualTo(report.get("duration_ms"));
    assertThat(shown.get("phases_ms.load_users")).isEqualTo(report.get("phases_ms.load_users"));
    assertThat(shown.get("invariant")).isEqualTo("holds");
    assertThat(shown.get("rows.clean_events.parquet"))
        .isEqualTo(report.get("outputs.clean_events.parquet.rows"))
        .isEqualTo(Long.toString(result.cleanEvents()));
    assertThat(shown.get("gate.min_clean_rows")).isEqualTo("passed");
    assertThat(shown.get("first_day")).isEqualTo("2024-01-01");
    assertThat(dom).contains("<svg class=\"chart\"").doesNotContain("<script");

    Path screenshot = Path.of("target", "report.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    run(
        browser(
            chromium,
            "--window-size=1100,1600",
            "--screenshot=" + screenshot,
            page.toUri().toString()),
        dir.resolve("screenshot.log"));
    assertThat(screenshot).isRegularFile();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /** A JSON file's scalar values by dotted path ({@code counts.clean}), as text. */
  static Map<String, String> flatten(Path json) throws IOException {
    Map<String, String> values = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
      List<String> path = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> path.add(p.currentName());
          case START_OBJECT, START_ARRAY -> {
            if (t == JsonToken.START_ARRAY) {
              p.skipChildren();
              pop(path);
            }
          }
          case END_OBJECT -> pop(path);
          default -> {
            values.put(String.join(".", path), p.getText());
            pop(path);
          }
        }
      }
    }
    return values;
  }

  private static void pop(List<String> path) {
    if (!path.isEmpty()) {
      path.remove(path.size() - 1);
    }
  }
}
