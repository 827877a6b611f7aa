package com.benefits.etl.cli.inspect;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.BadInputException;
import com.benefits.etl.Output;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.parquet.example.data.Group;

/**
 * Prints what a run published, for a person at a terminal: for each Parquet output its size, rows,
 * schema and first rows; for the rejects, the rows by reason with an example of each; and one line
 * from {@code run_report.json}. Reads with parquet-java only, no Hadoop.
 */
public final class Inspector {
  /** The widest a row's value is shown, in code points. */
  static final int VALUE_WIDTH = 40;

  /** The widest a reject's detail or raw record is shown. */
  static final int EXAMPLE_WIDTH = 72;

  private final PrintWriter out;
  private final int rows;

  /**
   * @param out where to print
   * @param rows how many first rows of each output to show (0 for none)
   */
  public Inspector(PrintWriter out, int rows) {
    this.out = requireNonNull(out, "out is null");
    if (rows < 0) {
      throw new IllegalArgumentException("rows is negative: " + rows);
    }
    this.rows = rows;
  }

  /**
   * Inspects an output directory, or one output in it (a Parquet file, a directory of part files,
   * or {@code run_report.json}).
   *
   * @throws BadInputException for a path that is missing, holds no output, or a file that cannot be
   *     read; the message names the file
   */
  public void inspect(Path path) {
    if (!Files.exists(path)) {
      throw new BadInputException(path, "no such file or directory");
    }
    if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".json")) {
      RunReportFile report = RunReportFile.read(path);
      out.println(report.file() + ": " + report.summary());
      out.flush();
      return;
    }
    if (Files.isRegularFile(path) || path.getFileName().toString().endsWith(".parquet")) {
      Optional<ParquetOutput> output = ParquetOutput.open(path);
      output.ifPresent(o -> print(o, Optional.empty()));
      return;
    }
    if (!Files.isDirectory(path)) {
      throw new BadInputException(path, "neither a file nor a directory");
    }
    List<Path> missing = new ArrayList<>();
    List<Path> found = new ArrayList<>();
    for (Output o : Output.values()) {
      Path file = path.resolve(o.fileName());
      (Files.exists(file) ? found : missing).add(file);
    }
    if (found.isEmpty()) {
      throw new BadInputException(
          path,
          "holds none of the outputs of a run (" + String.join(", ", names(Output.values())) + ")");
    }
    Path reportFile = path.resolve(Output.RUN_REPORT.fileName());
    Optional<RunReportFile> report =
        Files.exists(reportFile) ? Optional.of(RunReportFile.read(reportFile)) : Optional.empty();
    boolean first = true;
    for (Output o : Output.values()) {
      if (!o.fileName().endsWith(".parquet")) {
        continue;
      }
      Optional<ParquetOutput> output = ParquetOutput.open(path.resolve(o.fileName()));
      if (output.isPresent()) {
        if (!first) {
          out.println();
        }
        first = false;
        print(output.get(), report);
      }
    }
    if (!first) {
      out.println();
    }
    report.ifPresent(r -> out.println(r.file() + ": " + r.summary()));
    for (Output o : Output.values()) {
      Path file = path.resolve(o.fileName());
      if (o != Output.RUN_REPORT && !o.fileName().endsWith(".parquet") && found.contains(file)) {
        out.println(file + ": " + size(file) + " (open it in a browser)");
      }
    }
    for (Path file : missing) {
      out.println(file + ": missing");
    }
    out.flush();
  }

  private static String size(Path file) {
    try {
      long bytes = Files.size(file);
      return String.format(Locale.ROOT, "%,d bytes (%s)", bytes, humanBytes(bytes));
    } catch (IOException e) {
      throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<String> names(Output[] outputs) {
    List<String> names = new ArrayList<>();
    for (Output o : outputs) {
      names.add(o.fileName());
    }
    return names;
  }

  private void print(ParquetOutput output, Optional<RunReportFile> report) {
    out.println(heading(output, report));
    out.println("  schema:");
    List<List<String>> schema = new ArrayList<>();
    for (Schemas.Column c : Schemas.columns(output.schema())) {
      schema.add(List.of(c.name(), c.physical(), c.logical(), repetition(output, c)));
    }
    print(
        TextTable.lines(
            "    ", List.of("column", "physical type", "logical type", "repetition"), schema, 60));
    if (rows > 0) {
      List<Group> first = output.firstRows(rows);
      out.printf(
          Locale.ROOT,
          "  %s:%n",
          first.size() < output.rows()
              ? String.format(Locale.ROOT, "first %,d of %,d rows", first.size(), output.rows())
              : String.format(Locale.ROOT, "all %,d rows", first.size()));
      List<String> header = new ArrayList<>();
      output.schema().getFields().forEach(f -> header.add(f.getName()));
      print(TextTable.lines("    ", header, first.stream().map(Values::row).toList(), VALUE_WIDTH));
    }
    if (isRejects(output)) {
      printReasons(output);
    }
    out.flush();
  }

  /** {@code required}; or, where the part files disagree, {@code optional in 1, required in 2}. */
  private static String repetition(ParquetOutput output, Schemas.Column column) {
    Map<String, Integer> byParts = output.repetitions(column.name());
    if (byParts.size() <= 1) {
      return column.repetition();
    }
    List<String> counts = new ArrayList<>();
    byParts.forEach((repetition, parts) -> counts.add(repetition + " in " + parts));
    return String.join(", ", counts) + " of " + output.parts().size() + " parts";
  }

  /**
   * {@code output/clean_events.parquet: 3,521 rows, 181,234 bytes (177.0 KiB), 1 row group,
   * SNAPPY}, with the part files' count for a directory, and a warning if run_report.json counted
   * other rows.
   */
  private static String heading(ParquetOutput output, Optional<RunReportFile> report) {
    StringBuilder b = new StringBuilder();
    b.append(output.path());
    if (output.isDirectory()) {
      b.append(String.format(Locale.ROOT, " (%,d part files)", output.parts().size()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            ": %,d rows, %,d bytes (%s), %,d row group%s, %s",
            output.rows(),
            output.bytes(),
            humanBytes(output.bytes()),
            output.rowGroups(),
            output.rowGroups() == 1 ? "" : "s",
            output.codecs().isEmpty() ? "no column chunks" : String.join(" ", output.codecs())));
    String name = output.path().getFileName().toString();
    OptionalLong reported =
        report.map(r -> r.number("outputs/" + name + "/rows")).orElse(OptionalLong.empty());
    if (reported.isPresent() && reported.getAsLong() != output.rows()) {
      b.append(
          String.format(
              Locale.ROOT,
              " -- BUT run_report.json says %,d rows: the files are not from one run",
              reported.getAsLong()));
    }
    return b.toString();
  }

  static String humanBytes(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static boolean isRejects(ParquetOutput output) {
    return output.path().getFileName().toString().equals(Output.REJECTED_EVENTS.fileName());
  }

  private void printReasons(ParquetOutput output) {
    Optional<List<RejectsByReason.Reason>> reasons = RejectsByReason.of(output);
    if (reasons.isEmpty()) {
      out.println("  no reason column: rows by reason not counted");
      return;
    }
    out.println(
        "  rows by reason, each with its first row (record_index: detail, then raw_record):");
    int reasonWidth = 0;
    int countWidth = 0;
    for (RejectsByReason.Reason r : reasons.get()) {
      reasonWidth = Math.max(reasonWidth, Cells.width(Cells.cell(r.reason(), VALUE_WIDTH)));
      countWidth = Math.max(countWidth, count(r.rows()).length());
    }
    String under = " ".repeat(4 + reasonWidth + 2 + countWidth + 2);
    for (RejectsByReason.Reason r : reasons.get()) {
      Map<String, String> e = r.example();
      String example = e.getOrDefault("record_index", "?") + ": " + e.getOrDefault("detail", "");
      out.println(
          ("    "
                  + Cells.pad(Cells.cell(r.reason(), VALUE_WIDTH), reasonWidth)
                  + "  "
                  + " ".repeat(countWidth - count(r.rows()).length())
                  + count(r.rows())
                  + "  "
                  + Cells.cell(example, EXAMPLE_WIDTH))
              .stripTrailing());
      if (e.containsKey("raw_record")) {
        out.println(under + Cells.cell(e.get("raw_record"), EXAMPLE_WIDTH));
      }
    }
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private void print(List<String> lines) {
    lines.forEach(out::println);
  }
}
