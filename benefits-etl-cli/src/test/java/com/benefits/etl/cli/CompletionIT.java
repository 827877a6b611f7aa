package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bash/zsh completion script the build generates with picocli, as the distribution ships it: it
 * knows every subcommand and option, and in bash it completes them.
 */
class CompletionIT {
  private static final Path BASH = Path.of("/bin/bash");

  private static Path script() {
    return Distribution.home().resolve("completion/etl.bash");
  }

  @Test
  void theDistributionShipsAScriptNamingEverySubcommandAndOption() throws IOException {
    String script = Files.readString(script());

    assertThat(script)
        .contains("local commands=\"run inspect generate help\"")
        .contains("complete -F _complete_etl")
        .contains("bashcompinit");
    for (String option :
        List.of(
            "'--events'",
            "'--users'",
            "'--output'",
            "'--country'",
            "'--rows'",
            "'--log-format'",
            "'--verbose'",
            "'--debug'",
            "'--seed'",
            "'--gzip'")) {
      assertThat(script).contains(option);
    }
  }

  @Test
  void theArchiveShipsItToo() throws Exception {
    Path tarball = Path.of(System.getProperty("etl.tarball"));
    Process p = new ProcessBuilder("tar", "-tzf", tarball.toString()).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(listing.lines())
        .anyMatch(l -> l.matches("benefits-etl-[^/]+/completion/etl\\.bash"));
  }

  /** What bash's completion offers for the words typed so far (the last one may be empty). */
  private static List<String> complete(String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append("'");
    }
    String program =
        "source \""
            + script()
            + "\"\n"
            // compopt works only inside a completion bash started; it changes no candidates.
            + "compopt() { :; }\n"
            + "COMP_WORDS=("
            + array
            + " )\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\n"
            + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
            + "_complete_etl\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p =
        new ProcessBuilder(BASH.toString(), "-c", program).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void bashCompletesSubcommandsOptionsAndValues() throws Exception {
    assumeTrue(Files.isExecutable(BASH), "bash is not installed");

    assertThat(complete("etl", "ins")).containsExactly("inspect");
    assertThat(complete("etl", "")).contains("run", "inspect", "generate", "help");
    assertThat(complete("etl", "inspect", "--r")).containsExactly("--rows");
    assertThat(complete("etl", "run", "--log-format", "")).containsExactly("text", "json");
  }
}
