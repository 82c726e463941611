package io.tender.local.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path of a route, such as {@code /api/items/{id}} or {@code /files/{proxy+}}, split into
 * segments so that it can match raw request paths and be ranked against other paths.
 */
final class RoutePattern {

  /** Literal segments before variables before greedy variables, leftmost segment first. */
  static final Comparator<RoutePattern> MOST_SPECIFIC_FIRST = RoutePattern::compareSpecificity;

  private sealed interface Segment {
    /** Lower is more specific. */
    int rank();
  }

  private record Literal(String text) implements Segment {
    public int rank() {
      return 0;
    }
  }

  private record Variable(String name) implements Segment {
    public int rank() {
      return 1;
    }
  }

  private record Greedy(String name) implements Segment {
    public int rank() {
      return 2;
    }
  }

  private final String path;
  private final List<Segment> segments;

  private RoutePattern(String path, List<Segment> segments) {
    this.path = path;
    this.segments = segments;
  }

  /**
   * Parses a declared route path.
   *
   * @throws IllegalArgumentException if the path does not start with '/', has a greedy variable
   *     that is not the last segment, or a brace that is not a whole-segment variable
   */
  static RoutePattern parse(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("Route path must start with '/': " + path);
    }
    String[] parts = splitSegments(path);
    List<Segment> segments = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      if (part.length() > 2 && part.startsWith("{") && part.endsWith("}")) {
        String name = part.substring(1, part.length() - 1);
        if (name.endsWith("+")) {
          if (!last) {
            throw new IllegalArgumentException(
                "A greedy path variable must be the last segment: " + path);
          }
          segments.add(new Greedy(name.substring(0, name.length() - 1)));
        } else {
          segments.add(new Variable(name));
        }
      } else if (part.contains("{") || part.contains("}")) {
        throw new IllegalArgumentException(
            "A path variable must be a whole segment such as {id}: " + path);
      } else {
        segments.add(new Literal(part));
      }
    }
    return new RoutePattern(path, List.copyOf(segments));
  }

  /**
   * Matches a raw (still percent-encoded) request path. Literal segments compare with the raw text
   * and case-sensitively; a trailing slash is a segment of its own, so {@code /a/} is not {@code
   * /a}, as in API Gateway.
   *
   * @return the percent-decoded path parameters in declaration order, or empty if the path does not
   *     match
   */
  Optional<Map<String, String>> match(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = splitSegments(rawPath);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String part = i < parts.length ? parts[i] : null;
      switch (segments.get(i)) {
        case Literal literal -> {
          if (!literal.text().equals(part)) {
            return Optional.empty();
          }
        }
        case Variable variable -> {
          if (part == null || part.isEmpty()) {
            return Optional.empty();
          }
          parameters.put(variable.name(), PercentDecoding.path(part));
        }
        case Greedy greedy -> {
          // One or more segments: the rest of the path, which must not be empty.
          String rest =
              part == null ? "" : String.join("/", Arrays.copyOfRange(parts, i, parts.length));
          if (rest.isEmpty()) {
            return Optional.empty();
          }
          parameters.put(greedy.name(), PercentDecoding.path(rest));
          return Optional.of(parameters);
        }
      }
    }
    return parts.length == segments.size() ? Optional.of(parameters) : Optional.empty();
  }

  @Override
  public String toString() {
    return path;
  }

  private static int compareSpecificity(RoutePattern a, RoutePattern b) {
    int shared = Math.min(a.segments.size(), b.segments.size());
    for (int i = 0; i < shared; i++) {
      int byRank = Integer.compare(a.segments.get(i).rank(), b.segments.get(i).rank());
      if (byRank != 0) {
        return byRank;
      }
    }
    // Two patterns that match the same path and tie on every shared segment differ only in
    // variable names; which one goes first is the caller's tie-break.
    return 0;
  }

  /** "/a/b/" → ["a", "b", ""]; "/" → [""]. Keeps empty segments so trailing slashes count. */
  private static String[] splitSegments(String path) {
    return path.substring(1).split("/", -1);
  }
}
