package io.shoal.distiller;

import io.shoal.base.config.Config;
import io.shoal.distiller.internal.MediaTypes;
import io.shoal.distiller.internal.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the profile for a request from its fields, first match wins:
 * <ol>
 *   <li>{@code Cache-Control: no-transform} in the request: none;
 *   <li>the configured client field (e.g. {@code X-Shoal-Profile: mobile}) naming a known profile,
 *       or {@code none}; an unknown name is ignored;
 *   <li>{@code Save-Data: on}: the Save-Data profile ({@code save-data} unless configured);
 *   <li>the configured default profile (none unless configured).
 * </ol>
 * With nothing configured, {@code Save-Data: on} gets the built-in {@link Profile#saveData()} and
 * every other request none.
 */
public final class ProfileSelector {
  private final Map<String, Profile> profiles;
  private final Profile defaultProfile;
  private final Profile saveDataProfile;
  private final String clientHeader;

  private ProfileSelector(Builder b) {
    this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(b.profiles));
    this.defaultProfile = lookup("defaultProfile", b.defaultProfile);
    this.saveDataProfile = lookup("saveDataProfile", b.saveDataProfile);
    this.clientHeader = b.clientHeader;
  }

  /** Out of the box: {@code Save-Data: on} gets {@code save-data}, every other request none. */
  public static ProfileSelector defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private Profile lookup(String what, String name) {
    if (name.isEmpty()) {
      return null;
    }
    Profile p = profiles.get(name);
    if (p == null) {
      throw new IllegalArgumentException(what + ": \"" + name + "\" (expected one of: "
          + String.join(", ", profiles.keySet()) + ", or empty for none)");
    }
    return p;
  }

  /** The selection for a request with fields {@code request}. */
  public Selection select(Headers request) {
    Objects.requireNonNull(request, "request");
    if (MediaTypes.noTransform(request.all("Cache-Control"))) {
      return Selection.none();
    }
    Profile p = choose(request);
    return p == null ? Selection.none()
        : Selection.of(p, MediaTypes.acceptsGzip(request.all("Accept-Encoding")));
  }

  private Profile choose(Headers request) {
    if (clientHeader != null) {
      String asked = request.get(clientHeader);
      if (asked != null) {
        asked = asked.strip();
        if (asked.equals("none")) {
          return null;
        }
        if (profiles.containsKey(asked)) {
          return profiles.get(asked);
        }
      }
    }
    if (saveDataProfile != null && MediaTypes.saveDataOn(request.all("Save-Data"))) {
      return saveDataProfile;
    }
    return defaultProfile;
  }

  /**
   * The request fields the choice of profile reads, for {@code Vary}: the client field if
   * configured, and {@code Save-Data} if it selects a profile. Empty when every request gets the
   * same profile (the default).
   */
  public List<String> vary() {
    List<String> out = new ArrayList<>();
    if (clientHeader != null) {
      out.add(clientHeader);
    }
    if (saveDataProfile != null) {
      out.add("Save-Data");
    }
    return out;
  }

  /** Every profile, by name (the built-in {@code save-data} among them unless replaced). */
  public Map<String, Profile> profiles() {
    return profiles;
  }

  /** Builds a {@link ProfileSelector}; every setter checks its argument at once. */
  public static final class Builder {
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private String defaultProfile = DistillSettings.DEFAULT_PROFILE.defaultValue();
    private String saveDataProfile = DistillSettings.SAVE_DATA_PROFILE.defaultValue();
    private String clientHeader;

    private Builder() {
      profiles.put(Profile.SAVE_DATA, Profile.saveData());
    }

    /** The profiles and how requests select them, from {@code config}'s {@link DistillSettings}. */
    public Builder settings(Config config) {
      config.get(DistillSettings.PROFILES).values().forEach(this::profile);
      defaultProfile(config.get(DistillSettings.DEFAULT_PROFILE));
      saveDataProfile(config.get(DistillSettings.SAVE_DATA_PROFILE));
      return clientHeader(config.get(DistillSettings.CLIENT_HEADER));
    }

    /** Adds a profile, or replaces the one of the same name (the built-in {@code save-data} too). */
    public Builder profile(Profile profile) {
      Objects.requireNonNull(profile, "profile");
      if (profile.name().equals("none")) {
        throw new IllegalArgumentException("profile: \"none\" (expected: another name; none means no distillation)");
      }
      profiles.put(profile.name(), profile);
      return this;
    }

    /** The profile of requests nothing else selects; empty (the default): none. */
    public Builder defaultProfile(String name) {
      this.defaultProfile = name == null || name.isEmpty() ? "" : Names.token("defaultProfile", name);
      return this;
    }

    /** The profile {@code Save-Data: on} selects ({@code save-data}); empty: Save-Data is ignored. */
    public Builder saveDataProfile(String name) {
      this.saveDataProfile = name == null || name.isEmpty() ? "" : Names.token("saveDataProfile", name);
      return this;
    }

    /** A request field whose value names the profile, e.g. {@code X-Shoal-Profile}; empty: none. */
    public Builder clientHeader(String name) {
      this.clientHeader = name == null || name.isEmpty() ? null : Names.token("clientHeader", name);
      return this;
    }

    public ProfileSelector build() {
      return new ProfileSelector(this);
    }
  }
}
