package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build of this library: its Maven version and the git commit it was built from, as {@code etl
 * --version} prints them and {@code run_report.json} records them.
 *
 * @param version the Maven version, such as {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit id, or {@code unknown} for a build outside a git checkout
 * @param dirty whether the checkout had uncommitted changes when it was built
 */
public record Version(String version, String commit, boolean dirty) {
  private static final Version CURRENT = load();

  public Version {
    requireNonNull(version, "version is null");
    requireNonNull(commit, "commit is null");
  }

  /** The build of the classes running now. */
  public static Version current() {
    return CURRENT;
  }

  /** {@code 0.1.0 (commit 1a2b3c4d5e)}, with {@code , modified} for a dirty checkout. */
  @Override
  public String toString() {
    return version + " (commit " + commit + (dirty ? ", modified" : "") + ")";
  }

  private static Version load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
    return new Version(
        filled(p.getProperty("version")),
        filled(p.getProperty("commit")),
        "true".equals(p.getProperty("dirty")));
  }

  /** A property the build filled in, or {@code unknown}. */
  private static String filled(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
