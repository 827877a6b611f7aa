package com.benefits.etl.internal.report;

import com.benefits.etl.GateCheck;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import com.benefits.etl.UsersStats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html}: a run's story for a person, in one self-contained file (inline CSS
 * and SVG; no script, no network): the funnel of the six steps as bars, clean events per UTC day as
 * a chart, each reject reason with its first records, the users file, the inputs and outputs, the
 * timings, the quality gates and the version. Every figure is text in the page, and carries a
 * {@code data-figure} attribute naming the run_report.json value it shows, for the tests.
 */
public final class ReportHtmlWriter {
  /** The most bars the day chart draws: longer spans are drawn by week, month or year. */
  static final int MAX_BARS = 120;

  private static final int SHOWN_CHARACTERS = 400;

  private ReportHtmlWriter() {}

  public static void write(RunReport report, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(html(report));
    }
  }

  static String html(RunReport r) {
    RunResult c = r.result();
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>benefits-etl run report: ")
        .append(esc(r.status().code()))
        .append(", ")
        .append(esc(r.startedAt().toString()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    boolean ok = r.status() == RunReport.Status.SUCCEEDED;
    b.append("<header><h1>benefits-etl run report</h1><p class=\"status ")
        .append(ok ? "ok" : "failed")
        .append("\" data-figure=\"status\">")
        .append(esc(r.status().code()))
        .append("</p><p>Started ")
        .append(esc(r.startedAt().toString()))
        .append(", took <span data-figure=\"duration_ms\">")
        .append(number(c.duration().toMillis()))
        .append("</span> ms. benefits-etl ")
        .append(esc(r.version().toString()))
        .append(". Country kept: <b>")
        .append(esc(r.options().country()))
        .append("</b>.</p>");
    if (!ok) {
      b.append("<p class=\"failed\">A quality gate failed: nothing was published. These are the")
          .append(" outputs the run would have published, kept for diagnosis.</p>");
    }
    b.append("</header>\n");

    funnel(b, c);
    days(b, r.eventsPerDay());
    rejects(b, r);
    users(b, c.users(), r.warnings());
    gates(b, r.gates());
    files(b, r);
    timings(b, r);
    b.append("<footer>Written by benefits-etl ")
        .append(esc(r.version().toString()))
        .append(". The figures are those of run_report.json beside this file.</footer>\n");
    return b.append("</body></html>\n").toString();
  }

  /** Records read, then what each step removed and what remained, as bars. */
  private static void funnel(StringBuilder b, RunResult c) {
    long read = c.recordsRead();
    b.append("<section><h2>The six steps</h2><table class=\"funnel\"><thead><tr>")
        .append("<th>step</th><th>removed</th><th>remaining</th><th></th></tr></thead><tbody>");
    b.append("<tr><td>records read</td><td></td><td class=\"n\" data-figure=\"records_read\">")
        .append(number(read))
        .append("</td><td>")
        .append(bar(read, read, "read"))
        .append("</td></tr>");
    long remaining = read;
    int step = 1;
    for (RejectReason reason : RejectReason.values()) {
      long removed = c.rejected(reason);
      remaining -= removed;
      b.append("<tr><td>")
          .append(step++)
          .append(". ")
          .append(esc(STEP_NAMES[reason.ordinal()]))
          .append(" <span class=\"code\">")
          .append(esc(reason.code()))
          .append("</span></td><td class=\"n removed\" data-figure=\"")
          .append(reason.code())
          .append("\">")
          .append(number(removed))
          .append("</td><td class=\"n\">")
          .append(number(remaining))
          .append("</td><td>")
          .append(bar(remaining, read, "kept"))
          .append(bar(removed, read, "dropped"))
          .append("</td></tr>");
    }
    b.append("<tr class=\"total\"><td>clean events</td><td class=\"n\" data-figure=\"")
        .append("rejected_total\">")
        .append(number(c.rejectedTotal()))
        .append("</td><td class=\"n\" data-figure=\"clean\">")
        .append(number(c.cleanEvents()))
        .append("</td><td>")
        .append(bar(c.cleanEvents(), read, "kept"))
        .append("</td></tr></tbody></table><p>Invariant <code>records_read = clean +")
        .append(" rejected</code>: <b data-figure=\"invariant\">")
        .append(c.invariantHolds() ? "holds" : "DOES NOT HOLD")
        .append("</b>. Daily summary rows: <span data-figure=\"daily_summary_rows\">")
        .append(number(c.dailySummaryRows()))
        .append("</span>.</p></section>\n");
  }

  private static final String[] STEP_NAMES = {
    "a JSON object with fields of accepted types",
    "has a user_id",
    "has a valid timestamp",
    "not a duplicate",
    "a known user",
    "in the target country"
  };

  /** An inline SVG bar of {@code part} out of {@code whole}, 200 px at full width. */
  private static String bar(long part, long whole, String kind) {
    int width = whole == 0 ? 0 : (int) Math.round(200.0 * part / whole);
    return "<svg class=\"bar\" width=\""
        + width
        + "\" height=\"14\" role=\"img\" aria-label=\""
        + kind
        + " "
        + part
        + "\"><rect class=\""
        + kind
        + "\" width=\""
        + width
        + "\" height=\"14\"/></svg>";
  }

  /** Clean events per UTC day as a bar chart: by day, or by week, month or year past 120. */
  private static void days(StringBuilder b, DayTotals days) {
    b.append("<section><h2>Clean events per UTC day</h2>");
    if (days.isEmpty()) {
      b.append("<p>No clean events.</p></section>\n");
      return;
    }
    int first = days.firstDay();
    int last = days.lastDay();
    Bins bins = Bins.of(first, last);
    long[] totals = new long[bins.count()];
    for (int d = first; d <= last; d++) {
      totals[bins.index(d)] += days.on(d);
    }
    long max = 1;
    for (long t : totals) {
      max = Math.max(max, t);
    }
    int chartWidth = 720;
    int height = 160;
    double barWidth = (double) chartWidth / totals.length;
    b.append("<p>From <span data-figure=\"first_day\">")
        .append(LocalDate.ofEpochDay(first))
        .append("</span> to <span data-figure=\"last_day\">")
        .append(LocalDate.ofEpochDay(last))
        .append("</span>, one bar per ")
        .append(bins.unit())
        .append("; the highest bar is <span data-figure=\"max_bar\">")
        .append(number(max))
        .append("</span> events.</p><svg class=\"chart\" viewBox=\"0 0 ")
        .append(chartWidth)
        .append(' ')
        .append(height + 20)
        .append("\" width=\"")
        .append(chartWidth)
        .append("\" height=\"")
        .append(height + 20)
        .append("\" role=\"img\" aria-label=\"clean events per ")
        .append(bins.unit())
        .append("\">");
    for (int i = 0; i < totals.length; i++) {
      double h = totals[i] == 0 ? 0 : Math.max(1, (double) height * totals[i] / max);
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title>"
                  + "</rect>",
              i * barWidth,
              height - h,
              Math.max(0.5, barWidth - 1),
              h,
              esc(bins.label(i)),
              number(totals[i])));
    }
    b.append("<text x=\"0\" y=\"")
        .append(height + 15)
        .append("\">")
        .append(esc(bins.label(0)))
        .append("</text><text x=\"")
        .append(chartWidth)
        .append("\" y=\"")
        .append(height + 15)
        .append("\" text-anchor=\"end\">")
        .append(esc(bins.label(totals.length - 1)))
        .append("</text></svg></section>\n");
  }

  /** Days grouped into at most {@link #MAX_BARS} bars. */
  private record Bins(int first, int last, int daysPerBin, String unit) {
    static Bins of(int first, int last) {
      int span = last - first + 1;
      if (span <= MAX_BARS) {
        return new Bins(first, last, 1, "day");
      }
      if (span <= MAX_BARS * 7) {
        return new Bins(first, last, 7, "week");
      }
      if (span <= MAX_BARS * 31) {
        return new Bins(first, last, 0, "month");
      }
      return new Bins(first, last, -1, "year");
    }

    int count() {
      return index(last) + 1;
    }

    int index(int day) {
      if (daysPerBin > 0) {
        return (day - first) / daysPerBin;
      }
      LocalDate a = LocalDate.ofEpochDay(first);
      LocalDate d = LocalDate.ofEpochDay(day);
      return daysPerBin == 0
          ? (d.getYear() - a.getYear()) * 12 + d.getMonthValue() - a.getMonthValue()
          : d.getYear() - a.getYear();
    }

    String label(int i) {
      LocalDate a = LocalDate.ofEpochDay(first);
      if (daysPerBin == 1) {
        return a.plusDays(i).toString();
      }
      if (daysPerBin == 7) {
        return "week of " + a.plusDays(7L * i);
      }
      return daysPerBin == 0
          ? a.withDayOfMonth(1).plusMonths(i).toString().substring(0, 7)
          : Integer.toString(a.getYear() + i);
    }
  }

  private static void rejects(StringBuilder b, RunReport r) {
    b.append("<section><h2>Rejected records</h2>");
    for (RejectReason reason : RejectReason.values()) {
      long count = r.result().rejected(reason);
      List<RejectExample> examples = r.examples().getOrDefault(reason, List.of());
      b.append("<details")
          .append(count > 0 ? " open" : "")
          .append("><summary><span class=\"code\">")
          .append(esc(reason.code()))
          .append("</span>: <span class=\"n\" data-figure=\"rejects.")
          .append(reason.code())
          .append("\">")
          .append(number(count))
          .append("</span></summary>");
      if (!examples.isEmpty()) {
        b.append("<table class=\"examples\"><thead><tr><th>record_index</th><th>detail</th>")
            .append("<th>raw_record</th></tr></thead><tbody>");
        for (RejectExample e : examples) {
          b.append("<tr><td class=\"n\">")
              .append(e.recordIndex())
              .append("</td><td>")
              .append(esc(cut(e.detail())))
              .append("</td><td><code>")
              .append(esc(cut(e.rawRecord())))
              .append("</code></td></tr>");
        }
        b.append("</tbody></table>");
        if (count > examples.size()) {
          b.append("<p class=\"note\">The first ")
              .append(examples.size())
              .append(" of ")
              .append(number(count))
              .append("; all are in rejected_events.parquet.</p>");
        }
      }
      b.append("</details>");
    }
    b.append("</section>\n");
  }

  private static void users(StringBuilder b, UsersStats u, List<String> warnings) {
    b.append("<section><h2>Users file</h2><table class=\"facts\"><tbody>");
    fact(b, "rows", "users.rows", u.rows());
    fact(b, "users (distinct non-blank ids)", "users.users", u.users());
    fact(b, "rows with a blank user_id", "users.blank_ids", u.blankIds());
    fact(b, "rows repeating an earlier id", "users.duplicate_ids", u.duplicateIds());
    fact(b, "invalid signup dates (null)", "users.invalid_signup_dates", u.invalidSignupDates());
    b.append("</tbody></table><h3>Warnings</h3>");
    if (warnings.isEmpty()) {
      b.append("<p>None.</p>");
    } else {
      b.append("<ul class=\"warnings\">");
      for (String w : warnings) {
        b.append("<li>").append(esc(w)).append("</li>");
      }
      b.append("</ul>");
    }
    b.append("</section>\n");
  }

  private static void gates(StringBuilder b, List<GateCheck> gates) {
    b.append("<section><h2>Quality gates</h2>");
    if (gates.isEmpty()) {
      b.append("<p>No gate was checked.</p></section>\n");
      return;
    }
    b.append("<table><thead><tr><th>gate</th><th>result</th><th>figure and limit</th></tr>")
        .append("</thead><tbody>");
    for (GateCheck g : gates) {
      b.append("<tr><td class=\"code\">")
          .append(esc(g.name()))
          .append("</td><td class=\"")
          .append(g.passed() ? "ok" : "failed")
          .append("\" data-figure=\"gate.")
          .append(esc(g.name()))
          .append("\">")
          .append(g.passed() ? "passed" : "FAILED")
          .append("</td><td>")
          .append(esc(g.description()))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void files(StringBuilder b, RunReport r) {
    b.append("<section><h2>Inputs and outputs</h2><table><thead><tr><th></th><th>path</th>")
        .append("<th>bytes</th><th>rows</th></tr></thead><tbody>");
    b.append("<tr><td>events (")
        .append(r.eventsFormat().name().toLowerCase(Locale.ROOT))
        .append(r.eventsGzip() ? ", gzip" : "")
        .append(")</td><td><code>")
        .append(esc(r.events().path().toString()))
        .append("</code></td><td class=\"n\">")
        .append(r.events().bytes() < 0 ? "" : number(r.events().bytes()))
        .append("</td><td></td></tr><tr><td>users</td><td><code>")
        .append(esc(r.users().path().toString()))
        .append("</code></td><td class=\"n\">")
        .append(number(r.users().bytes()))
        .append("</td><td></td></tr>");
    for (RunReport.OutputFile o : r.outputs()) {
      b.append("<tr><td>")
          .append(esc(o.name()))
          .append("</td><td><code>")
          .append(esc(o.path().toString()))
          .append("</code></td><td class=\"n\">")
          .append(number(o.bytes()))
          .append("</td><td class=\"n\" data-figure=\"rows.")
          .append(esc(o.name()))
          .append("\">")
          .append(number(o.rows()))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>\n");
  }

  private static void timings(StringBuilder b, RunReport r) {
    b.append("<section><h2>Timings</h2><table class=\"facts\"><tbody>");
    for (RunReport.Phase p : r.phases()) {
      fact(b, p.name().replace('_', ' '), "phases_ms." + p.name(), p.millis());
    }
    b.append("</tbody></table><p class=\"note\">Milliseconds of wall time per phase.</p>")
        .append("</section>\n");
  }

  private static void fact(StringBuilder b, String label, String figure, long value) {
    b.append("<tr><td>")
        .append(esc(label))
        .append("</td><td class=\"n\" data-figure=\"")
        .append(esc(figure))
        .append("\">")
        .append(number(value))
        .append("</td></tr>");
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String cut(String s) {
    return s.length() <= SHOWN_CHARACTERS
        ? s
        : s.substring(0, SHOWN_CHARACTERS) + "… (" + number(s.length()) + " characters)";
  }

  /** HTML text: markup characters escaped, control characters shown as their code. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t' || ch == 0x7F) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
          } else if (Character.isSurrogate(ch)
              && !(Character.isHighSurrogate(ch)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(ch)
                  && i > 0
                  && Character.isHighSurrogate(s.charAt(i - 1)))) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) ch)); // a lone surrogate
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;\
      margin:0 auto;max-width:1000px;padding:16px 24px;background:#fff}
      h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:24px 0 8px;\
      border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:14px;margin:12px 0 4px}
      .status{display:inline-block;font-weight:600;padding:2px 10px;border-radius:12px;margin:0}
      .status.ok{background:#dafbe1;color:#116329}.status.failed{background:#ffebe9;\
      color:#a40e26}p.failed{color:#a40e26;font-weight:600}
      table{border-collapse:collapse;margin:4px 0}th,td{text-align:left;padding:3px 10px;\
      border-bottom:1px solid #eaeef2;vertical-align:top}th{font-weight:600;color:#57606a}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.removed{color:#a40e26}tr.total td{font-weight:600;border-top:2px solid #d0d7de}
      .code,code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
      td code{white-space:pre-wrap;word-break:break-all}
      svg.bar{vertical-align:middle}rect.read,rect.kept{fill:#2da44e}rect.dropped{fill:#ff8182}
      svg.chart rect{fill:#0969da}svg.chart text{font-size:11px;fill:#57606a}
      td.ok{color:#116329;font-weight:600}td.failed{color:#a40e26;font-weight:600}
      details{margin:6px 0}summary{cursor:default;font-weight:600}
      table.examples{font-size:12px;margin-left:16px}.note{color:#57606a;font-size:12px}
      ul.warnings li{margin:2px 0}footer{margin-top:32px;color:#57606a;font-size:12px}
      """;
}
