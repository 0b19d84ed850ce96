package org.newsarc.extractor.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Minimum figures an evaluation must reach, read from a TSV file of
 * {@code set<TAB>metric<TAB>floor} lines ({@code #} starts a comment). Floors of sets that were
 * not evaluated are ignored; a floor whose metric is missing from an evaluated set fails.
 * Immutable and thread-safe.
 */
public final class Floors {

  /** A figure below its floor. */
  public record Breach(String set, String metric, double floor, Double value) {}

  private final Map<String, Double> floors;

  private Floors(Map<String, Double> floors) {
    this.floors = floors;
  }

  public static Floors none() {
    return new Floors(Map.of());
  }

  public static Floors read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  static Floors parse(List<String> lines, String source) {
    Map<String, Double> floors = new LinkedHashMap<>();
    int n = 0;
    for (String line : lines) {
      n++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\t+|\\s{2,}");
      if (f.length != 3) {
        throw new IllegalArgumentException(source + ":" + n + ": expected set, metric and floor");
      }
      try {
        floors.put(key(f[0], f[1]), Double.parseDouble(f[2]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ":" + n + ": not a number: " + f[2], e);
      }
    }
    return new Floors(floors);
  }

  /** The floor for a figure, or null when it has none. */
  public Double floorOf(String set, String metric) {
    return floors.get(key(set, metric));
  }

  /** Every figure below its floor. */
  public List<Breach> check(List<Metric> metrics) {
    Set<String> sets = new TreeSet<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (Metric m : metrics) {
      sets.add(m.set());
      values.put(key(m.set(), m.name()), m.value());
    }
    List<Breach> breaches = new ArrayList<>();
    for (Map.Entry<String, Double> f : floors.entrySet()) {
      String[] parts = f.getKey().split("\t", 2);
      if (!sets.contains(parts[0])) {
        continue;
      }
      Double v = values.get(f.getKey());
      if (v == null || v < f.getValue()) {
        breaches.add(new Breach(parts[0], parts[1], f.getValue(), v));
      }
    }
    return breaches;
  }

  private static String key(String set, String metric) {
    return set + "\t" + metric;
  }
}
