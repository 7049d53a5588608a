package io.shoal.distiller.internal;

import io.shoal.distiller.Distillers;
import io.shoal.distiller.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of {@code distill.profiles}: {@code name.field=value} entries separated by
 * {@code ;} (what {@code profiles: {mobile: {quality: 40}}} in YAML and
 * {@code --set distill.profiles.mobile.quality=40} become). Fields: {@code quality},
 * {@code huffman} ({@code standard} or {@code optimized}), {@code max-dimension}, {@code to-jpeg},
 * {@code distillers} (a comma list).
 */
public final class DistillProfiles {

  private DistillProfiles() {}

  /** Parses the text form; messages name the field, e.g. {@code mobile.quality: 101 (expected: 1..100)}. */
  public static Map<String, Profile> parse(String text) {
    Map<String, Map<String, String>> fields = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      int dot = entry.indexOf('.');
      if (eq < 0 || dot < 1 || dot > eq) {
        throw new IllegalArgumentException("\"" + entry.strip() + "\" (expected: name.field=value)");
      }
      String name = entry.substring(0, dot).strip();
      fields.computeIfAbsent(name, n -> new LinkedHashMap<>())
          .put(entry.substring(dot + 1, eq).strip(), entry.substring(eq + 1).strip());
    }
    Map<String, Profile> out = new LinkedHashMap<>();
    fields.forEach((name, f) -> out.put(name, profile(name, f)));
    return Collections.unmodifiableMap(out);
  }

  private static Profile profile(String name, Map<String, String> fields) {
    Profile.Builder b = Profile.builder(name);
    for (Map.Entry<String, String> e : fields.entrySet()) {
      String field = e.getKey();
      String v = e.getValue();
      try {
        switch (field) {
          case "quality" -> b.quality(Integer.parseInt(v));
          case "huffman" -> b.huffman(Profile.Huffman.of(v));
          case "max-dimension" -> b.maxDimension(Integer.parseInt(v));
          case "to-jpeg" -> b.toJpeg(bool(v));
          case "distillers" -> b.distillers(distillers(v));
          default -> throw new IllegalArgumentException(
              "unknown field (expected: quality, huffman, max-dimension, to-jpeg or distillers)");
        }
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException(name + "." + field + ": \"" + v + "\" (" + why(ex, v) + ")", ex);
      }
    }
    return b.build();
  }

  /** Why {@code v} was refused, without the builder's own {@code what: v} prefix (named once, by the caller). */
  private static String why(RuntimeException ex, String v) {
    if (ex instanceof NumberFormatException) {
      return "not an integer";
    }
    String m = ex.getMessage();
    int at = m.indexOf(" (expected: ");
    boolean prefixed = at > 0 && m.endsWith(")")
        && m.substring(0, at).matches("[\\w.-]+: \"?" + java.util.regex.Pattern.quote(v) + "\"?");
    return prefixed ? m.substring(at + 2, m.length() - 1) : m;
  }

  private static boolean bool(String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("expected: true or false");
    }
    return Boolean.parseBoolean(v);
  }

  private static List<String> distillers(String v) {
    String t = v.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    List<String> names = new ArrayList<>();
    for (String n : t.split(",")) {
      if (n.isBlank()) {
        continue;
      }
      names.add(Distillers.registry().entry(n.strip()).name());
    }
    return names;
  }
}
