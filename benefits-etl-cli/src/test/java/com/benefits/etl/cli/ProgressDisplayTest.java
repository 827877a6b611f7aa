package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.RunProgress;
import com.benefits.etl.RunProgress.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plain progress line a log gets every 10 seconds, and the bar's short counts. */
class ProgressDisplayTest {

  @Test
  void aLineGivesTheShareReadTheRatesAndWhatIsLeft() {
    RunProgress p =
        new RunProgress(
            Phase.READING_EVENTS, 80L << 20, 160L << 20, 400_000, Duration.ofSeconds(20));
    assertThat(ProgressDisplay.line(p))
        .isEqualTo(
            "reading events: 50% of 160 MB, 400,000 records (20,000/s), 4.0 MB/s,"
                + " about 20 s left; 20 s elapsed");
  }

  @Test
  void withoutASizeTheLineHasNoShareAndNoTimeLeft() {
    RunProgress p =
        new RunProgress(Phase.READING_EVENTS, 10L << 20, -1, 1_000, Duration.ofSeconds(2));
    assertThat(ProgressDisplay.line(p))
        .isEqualTo("reading events: 1,000 records (500/s), 5.0 MB/s; 2 s elapsed");
  }

  @Test
  void laterPhasesSayOnlyWhatTheyAre() {
    RunProgress p = new RunProgress(Phase.DAILY_SUMMARY, 5, 5, 10, Duration.ofMillis(31_400));
    assertThat(ProgressDisplay.line(p)).isEqualTo("daily summary; 31 s elapsed");
  }

  @Test
  void compactCounts() {
    assertThat(ProgressDisplay.compact(999)).isEqualTo("999");
    assertThat(ProgressDisplay.compact(95_400)).isEqualTo("95k");
    assertThat(ProgressDisplay.compact(1_250_000)).isEqualTo("1.3M");
  }
}
