package com.benefits.etl.bench;

/** Named sizes for {@code --preset}. */
enum Preset {
  /** CI smoke test: proves the benchmark works, says nothing about speed. */
  SMOKE(200_000, 1),
  /** The default: 10 million events, three rounds. */
  FULL(10_000_000, 3);

  final long events;
  final int rounds;

  Preset(long events, int rounds) {
    this.events = events;
    this.rounds = rounds;
  }
}
