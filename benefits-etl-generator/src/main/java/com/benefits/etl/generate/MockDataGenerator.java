package com.benefits.etl.generate;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.RejectReason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes mock benefits-engagement data — {@code raw_events.json} (or {@code .ndjson}, optionally
 * gzipped), {@code users.csv} and {@code manifest.json} — with dirty records of every kind
 * docs/spec.md names, and knows the fate of each record, so the manifest holds the exact counts a
 * correct pipeline reports (target country {@code US}).
 *
 * <p>Streaming: memory stays bounded whatever the number of events (a ring of recent records feeds
 * duplicates; users are a pure function of their index). Deterministic: the same options give
 * byte-identical files.
 */
public final class MockDataGenerator {
  /** Name of the users file. */
  public static final String USERS_FILE = "users.csv";

  /** Name of the manifest file. */
  public static final String MANIFEST_FILE = "manifest.json";

  private static final long START_2024 = 1_704_067_200L;
  private static final long SECONDS_2024 = 366L * 86_400L;
  private static final int RING_SIZE = 1024;
  private static final int MAX_SHADOWS = 32;

  private final GeneratorOptions options;

  public MockDataGenerator(GeneratorOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  /** Writes the three files into the output directory (created if needed), replacing old ones. */
  public GeneratedData generate() throws IOException {
    Path dir = options.outputDir();
    Files.createDirectories(dir);
    Path usersFile = dir.resolve(USERS_FILE);
    Path eventsFile = dir.resolve(options.eventsFileName());
    Path manifest = dir.resolve(MANIFEST_FILE);
    SplittableRandom root = new SplittableRandom(options.seed());
    SplittableRandom usersRng = root.split();
    SplittableRandom eventsRng = root.split();
    UserDirectory users =
        new UserDirectory(options.seed(), options.users(), options.mix().nonUsUser());
    UsersCounts usersCounts = UsersCsvWriter.write(usersFile, users, usersRng);
    Tally tally = new Tally();
    long records;
    try (EventSink sink = new EventSink(open(eventsFile), options.format())) {
      new Run(eventsRng, users, sink, tally).writeAll();
      records = sink.records();
    }
    GeneratedData data =
        new GeneratedData(eventsFile, usersFile, manifest, tally.counts(records, usersCounts));
    ManifestWriter.write(manifest, options, data);
    return data;
  }

  private OutputStream open(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    if (options.gzip()) {
      return new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedOutputStream(out, 1 << 16);
  }

  /** The state of one run over the events. */
  private final class Run {
    private final SplittableRandom rng;
    private final EventSink sink;
    private final Tally tally;
    private final EventFactory factory;
    private final Defects defects;
    private final Copies copies;
    private final RecentRecords recent = new RecentRecords(RING_SIZE);
    private final ArrayDeque<EventDraft> shadows = new ArrayDeque<>();
    private final boolean ndjson = options.format() == EventsFormat.NDJSON;
    private long currentDay = Long.MIN_VALUE;

    Run(SplittableRandom rng, UserDirectory users, EventSink sink, Tally tally) {
      this.rng = rng;
      this.sink = sink;
      this.tally = tally;
      this.factory = new EventFactory(rng, users, options.mix().unknownUser());
      this.defects = new Defects(rng, factory);
      this.copies = new Copies(rng, factory);
    }

    void writeAll() throws IOException {
      RecordMix mix = options.mix();
      long events = options.events();
      long slot = Math.max(1L, SECONDS_2024 / Math.max(1L, events));
      double malformedUpTo = mix.malformed();
      double missingUpTo = malformedUpTo + mix.missingUserId();
      double invalidUpTo = missingUpTo + mix.invalidTimestamp();
      double duplicateUpTo = invalidUpTo + mix.duplicate();
      double lookalikeUpTo = duplicateUpTo + mix.lookalike();
      for (long r = 0; r < events; r++) {
        if (ndjson && rng.nextDouble() < mix.blankLine()) {
          sink.blankLine(rng.nextInt(4) == 0 ? "  \t" : "");
          tally.blankLine();
        }
        long second = START_2024 + r * slot + rng.nextLong(slot);
        advanceDay(Math.floorDiv(second, 86_400L));
        double u = rng.nextDouble();
        if (u < malformedUpTo) {
          malformed(factory.fresh(second));
        } else if (u < missingUpTo) {
          EventDraft d = factory.fresh(second);
          sink.record(defects.missingUserId(d));
          tally.reject(RejectReason.MISSING_USER_ID);
          maybeShadow(d);
        } else if (u < invalidUpTo) {
          EventDraft d = factory.fresh(second);
          sink.record(defects.invalidTimestamp(d));
          tally.reject(RejectReason.INVALID_TIMESTAMP);
          maybeShadow(d);
        } else if (u < duplicateUpTo && !recent.isEmpty()) {
          sink.record(copies.duplicate(recent.random(rng)).requireDecoysOverridden());
          tally.reject(RejectReason.DUPLICATE);
        } else if (u < lookalikeUpTo && !recent.isEmpty()) {
          lookalike(second);
        } else if (!shadows.isEmpty() && rng.nextInt(8) == 0) {
          eligible(shadows.poll());
        } else {
          eligible(factory.fresh(second));
        }
      }
    }

    private void malformed(EventDraft d) throws IOException {
      int r = rng.nextInt(10);
      if (r < 2 && ndjson) {
        sink.rawLine(defects.garbageLine());
      } else if (r < 4) {
        sink.record(defects.nonObject(d));
      } else {
        sink.record(defects.malformedField(d));
        maybeShadow(d);
      }
      tally.reject(RejectReason.MALFORMED_RECORD);
    }

    /** Later, write the valid twin of a rejected record: it is not a duplicate of it. */
    private void maybeShadow(EventDraft valid) {
      if (shadows.size() < MAX_SHADOWS && rng.nextInt(5) == 0) {
        shadows.add(valid);
      }
    }

    private void lookalike(long second) throws IOException {
      for (int attempt = 0; attempt < 3; attempt++) {
        EventDraft original = recent.random(rng);
        if (!original.lookalikeTaken) {
          original.lookalikeTaken = true;
          EventDraft c = copies.lookalike(original).requireDecoysOverridden();
          sink.record(c);
          tally.byUser(c);
          return;
        }
      }
      eligible(factory.fresh(second));
    }

    /** A record that passes steps 1 to 4; later records may copy it. */
    private void eligible(EventDraft d) throws IOException {
      sink.record(d.requireDecoysOverridden());
      tally.byUser(d);
      recent.add(d);
    }

    /** Closes daily-summary days no later record can fall on. */
    private void advanceDay(long day) {
      if (day <= currentDay) {
        return;
      }
      currentDay = day;
      long min = Math.min(day, recent.minDay());
      for (EventDraft s : shadows) {
        min = Math.min(min, s.day());
      }
      tally.daily().closeBefore(min);
    }
  }
}
