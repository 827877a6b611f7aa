package com.benefits.etl.internal.transform;

import com.benefits.etl.internal.rules.DedupKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A hand-run timing, not a test: {@code n} keys (default 10M), about 8% of them repeats (half of a
 * record among the last 1,000, half of any earlier record), through a store with the default
 * budget; prints ns per firstSeen (net of key generation), heap after GC and the process RSS. Run
 * with the launcher's -Xmx768m.
 */
public final class DeduplicatorTiming {
  private DeduplicatorTiming() {}

  private static final String[] TYPES = {
    "login", "view_benefit", "enroll", "claim", "click", "logout"
  };

  /**
   * The key of source record {@code id}: 200k users, 6 event types (5% null), one year of seconds,
   * values in cents (25% null). Strings are built fresh, as a parser would, so firstSeen reads them
   * from cache as it would in the pipeline; their cost is measured and subtracted.
   */
  static DedupKey key(long id) {
    long h = KeyHash.Mix.fmix(id + 1);
    String type = (h & 31) == 0 ? null : TYPES[(int) ((h >>> 5) & 0xFFFF) % TYPES.length];
    Double value = ((h >>> 21) & 3) == 0 ? null : Double.valueOf(((h >>> 23) & 0xFFFFF) / 100.0);
    long g = KeyHash.Mix.fmix(h);
    char[] ts = "2024-01-01T00:00:00Z".toCharArray();
    two(ts, 5, 1 + (int) ((g >>> 8) % 12));
    two(ts, 8, 1 + (int) ((g >>> 16) % 28));
    two(ts, 11, (int) ((g >>> 24) % 24));
    two(ts, 14, (int) ((g >>> 32) % 60));
    two(ts, 17, (int) ((g >>> 40) % 60));
    return DedupKey.of("user_" + (h >>> 43) % 200_000, type, new String(ts), value);
  }

  private static void two(char[] chars, int at, int n) {
    chars[at] = (char) ('0' + n / 10);
    chars[at + 1] = (char) ('0' + n % 10);
  }

  static long sourceOf(long i, SplittableRandom r) {
    if (i > 0 && r.nextInt(100) < 8) {
      return r.nextBoolean() ? Math.max(0, i - 1 - r.nextInt(1_000)) : r.nextLong(i);
    }
    return i;
  }

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    long budget =
        args.length > 1 ? Long.parseLong(args[1]) : Deduplicator.DEFAULT_MEMORY_BUDGET_BYTES;
    long sink = 0;
    SplittableRandom r = new SplittableRandom(1);
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    for (long i = 0; i < n; i++) {
      sink += key(sourceOf(i, r)).hashCode();
    }
    long generate = System.nanoTime() - t0;
    long generateCpu = cpu.getCurrentThreadCpuTime() - c0;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long baseline = rt.totalMemory() - rt.freeMemory();
    Path dir = Files.createTempDirectory("dedup-timing");
    long duplicates = 0;
    java.util.BitSet emitted = new java.util.BitSet(); // source ids whose key was already fed
    long expected = 0; // duplicates by construction; the store may find a few more by chance
    try (Deduplicator d = new Deduplicator(dir.resolve("keys.log"), budget)) {
      r = new SplittableRandom(1);
      long t1 = System.nanoTime();
      long c1 = cpu.getCurrentThreadCpuTime();
      for (long i = 0; i < n; i++) {
        long source = sourceOf(i, r);
        if (emitted.get((int) source)) {
          expected++;
        }
        emitted.set((int) source);
        if (d.firstSeen(key(source), i) >= 0) {
          duplicates++;
        }
      }
      long total = System.nanoTime() - t1;
      long totalCpu = cpu.getCurrentThreadCpuTime() - c1;
      System.gc();
      long heap = rt.totalMemory() - rt.freeMemory() - baseline;
      System.out.printf(
          "keys=%,d distinct=%,d duplicates=%,d (%.2f%%; %,d by construction) runs=%d%n",
          n, d.size(), duplicates, 100.0 * duplicates / n, expected, d.runCount());
      System.out.printf(
          "generate %.1f ns/key, with firstSeen %.1f ns/key, firstSeen alone %.1f ns/op%n",
          generate / (double) n, total / (double) n, (total - generate) / (double) n);
      System.out.printf(
          "thread CPU: generate %.1f ns/key, firstSeen alone %.1f ns/op%n",
          generateCpu / (double) n, (totalCpu - generateCpu) / (double) n);
      System.out.printf(
          "heap after GC, over the baseline, %,d bytes = %.1f bytes/distinct key; log %,d bytes%n",
          heap, heap / (double) d.size(), Files.size(dir.resolve("keys.log")));
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
          System.out.println(line);
        }
      }
    }
    Files.delete(dir);
    System.out.println(sink == 42 ? "" : "done");
  }
}
