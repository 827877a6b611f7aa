package com.benefits.etl.cli;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory tree as comparable text: each file by its path, with its size and SHA-256, and each
 * symbolic link with its target ({@link TestFiles#snapshot}). Two are equal exactly when nothing
 * below the directory changed, and a difference prints readably.
 */
final class Trees {
  private Trees() {}

  static Map<String, String> of(Path dir) {
    Map<String, String> tree = new TreeMap<>();
    TestFiles.snapshot(dir)
        .forEach(
            (name, bytes) -> {
              String text = new String(bytes, StandardCharsets.UTF_8);
              tree.put(name, text.startsWith("-> ") && bytes.length < 300 ? text : describe(bytes));
            });
    return tree;
  }

  /**
   * What a reader gets at each output's name in {@code dir}, links followed ({@link
   * Outputs#published}), as {@link #of} shows files.
   */
  static Map<String, String> published(Path dir) {
    Map<String, String> files = new TreeMap<>();
    Outputs.published(dir).forEach((name, bytes) -> files.put(name, describe(bytes)));
    return files;
  }

  private static String describe(byte[] bytes) {
    return bytes.length + " bytes, sha256 " + sha256(bytes);
  }

  /** {@link #of}, without the runs a quality gate stopped ({@code .benefits-etl/failed/}). */
  static Map<String, String> withoutFailedRuns(Path dir) {
    Map<String, String> tree = of(dir);
    tree.keySet().removeIf(name -> name.startsWith(".benefits-etl/failed/"));
    return tree;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
