package com.benefits.etl.bench;

import java.util.Arrays;
import java.util.List;

/** The median wall time and peak RSS of one engine's runs. */
record Medians(
    Engine engine,
    int runs,
    double wallSeconds,
    double minWallSeconds,
    double maxWallSeconds,
    double peakRssMb) {

  static Medians of(Engine engine, List<RunSample> samples) {
    double[] wall = samples.stream().mapToDouble(RunSample::wallSeconds).sorted().toArray();
    double[] rss = samples.stream().mapToDouble(s -> s.peakRssKb() / 1024.0).sorted().toArray();
    return new Medians(
        engine, wall.length, median(wall), wall[0], wall[wall.length - 1], median(rss));
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double[] s = sorted.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }
}
