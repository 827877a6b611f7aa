package com.benefits.etl.cli.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows as an aligned text table: a header, a rule of dashes, then one line per row; columns two
 * spaces apart, each as wide as its widest cell, numbers aligned right. Every cell goes through
 * {@link Cells#cell}, so no value is wider than the cap or spans lines.
 */
final class TextTable {
  /** A number as {@link Values} and the counts print it: such a column is aligned right. */
  private static final Pattern NUMBER =
      Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?([eE]-?[0-9]+)?|NaN|-?Infinity");

  private TextTable() {}

  /** The table's lines, each starting with {@code indent}, without trailing spaces. */
  static List<String> lines(String indent, List<String> header, List<List<String>> rows, int cap) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(header.stream().map(h -> Cells.cell(h, cap)).toList());
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "a row of " + row.size() + " cells under " + header.size() + " columns");
      }
      cells.add(row.stream().map(v -> Cells.cell(v, cap)).toList());
    }
    int[] widths = new int[header.size()];
    boolean[] numeric = new boolean[header.size()];
    for (int c = 0; c < widths.length; c++) {
      numeric[c] = rows.size() > 0;
      for (List<String> row : cells) {
        widths[c] = Math.max(widths[c], Cells.width(row.get(c)));
      }
      for (List<String> row : rows) {
        numeric[c] &= row.get(c).equals(Values.NULL) || NUMBER.matcher(row.get(c)).matches();
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(indent, cells.get(0), widths, numeric));
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    lines.add(line(indent, rule, widths, numeric));
    for (List<String> row : cells.subList(1, cells.size())) {
      lines.add(line(indent, row, widths, numeric));
    }
    return lines;
  }

  private static String line(String indent, List<String> cells, int[] widths, boolean[] right) {
    StringBuilder b = new StringBuilder(indent);
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        b.append("  ");
      }
      String cell = cells.get(c);
      if (right[c]) {
        b.append(" ".repeat(widths[c] - Cells.width(cell))).append(cell);
      } else {
        b.append(Cells.pad(cell, widths[c]));
      }
    }
    return b.toString().stripTrailing();
  }
}
