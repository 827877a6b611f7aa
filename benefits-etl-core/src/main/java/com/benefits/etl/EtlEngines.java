package com.benefits.etl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The engines on the classpath, found with {@link java.util.ServiceLoader}. */
public final class EtlEngines {
  /** The engine a run uses unless told otherwise. */
  public static final String DEFAULT = "embedded";

  private EtlEngines() {}

  /** Every engine on the classpath, the embedded one first. */
  public static List<EtlEngine> all() {
    List<EtlEngine> engines = new ArrayList<>();
    for (EtlEngine e : ServiceLoader.load(EtlEngine.class, EtlEngines.class.getClassLoader())) {
      if (engines.stream().noneMatch(known -> known.name().equals(e.name()))) {
        engines.add(e);
      }
    }
    engines.sort((a, b) -> Boolean.compare(!DEFAULT.equals(a.name()), !DEFAULT.equals(b.name())));
    return engines;
  }

  /** The engine named {@code name}, if it is on the classpath. */
  public static Optional<EtlEngine> find(String name) {
    return all().stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
