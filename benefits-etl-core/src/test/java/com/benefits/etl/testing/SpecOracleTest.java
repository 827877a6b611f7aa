package com.benefits.etl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.EtlPipeline;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of the model of docs/spec.md itself, checked against the pipeline too. */
class SpecOracleTest {
  @TempDir Path dir;

  private record Case(String json, String fate) {}

  @Test
  void valuesCompareAsNumbersAndIdsLoseOnlyWhitespace() throws IOException {
    List<Case> cases =
        List.of(
            new Case(
                "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T10:00:00Z\",\"value\":0}", "clean"),
            // -0.0 == 0.0 as numbers (docs/spec.md, step 4), whatever the spelling
            new Case(
                "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T10:00:00Z\",\"value\":-0.0}",
                "duplicate"),
            new Case(
                "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T10:00:00Z\",\"value\":-0}",
                "duplicate"),
            new Case(
                "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T10:00:00Z\",\"value\":0E5}",
                "duplicate"),
            new Case(
                "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T11:00:00Z\",\"value\":-0.0}",
                "clean"),
            new Case(
                "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T11:00:00Z\",\"value\":0}",
                "duplicate"),
            new Case("{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T11:00:00Z\"}", "clean"),
            // Unicode white space around an id is trimmed, no-break spaces included ...
            new Case(
                "{\"user_id\":\"\\u00a0u1\\u202f\",\"timestamp\":\"2024-03-15T12:30:00Z\"}",
                "clean"),
            new Case(
                "{\"user_id\":\"\\u2003u1\\u3000\",\"timestamp\":\"2024-03-15T12:00:00Z\"}",
                "clean"),
            new Case(
                "{\"user_id\":\"\\u2003\\u3000\",\"timestamp\":\"2024-03-15T12:00:00Z\"}",
                "missing_user_id"),
            // ... but a control character is not white space (String.trim() would remove it)
            new Case(
                "{\"user_id\":\"\\u0001u1\",\"timestamp\":\"2024-03-15T13:00:00Z\"}",
                "unknown_user"),
            new Case(
                "{\"user_id\":\"\\u0001\",\"timestamp\":\"2024-03-15T13:00:00Z\"}",
                "unknown_user"));
    Path events = dir.resolve("events.ndjson");
    Files.write(events, cases.stream().map(Case::json).toList());
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "user_id,signup_date,country\n\u2003u1 ,2024-01-01,US\n");

    SpecOracle.Result oracle = SpecOracle.run(events, users);
    RunResult pipeline = EtlPipeline.of(events, users, dir.resolve("out")).run();

    assertThat(oracle.fates()).containsExactlyElementsOf(cases.stream().map(Case::fate).toList());
    assertThat(pipeline.cleanEvents()).isEqualTo(oracle.clean());
    for (RejectReason reason : RejectReason.values()) {
      assertThat(pipeline.rejected(reason))
          .as(reason.code())
          .isEqualTo(SpecOracle.count(oracle, reason));
    }
  }
}
