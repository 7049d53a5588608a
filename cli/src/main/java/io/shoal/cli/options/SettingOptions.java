package io.shoal.cli.options;

import io.shoal.base.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Command-line options that stand for settings ({@code --idle-timeout} for {@code
 * front.idle-timeout}): their defaults are the settings' declared ones (so {@code --help} shows
 * them and no option restates one), and the options the user gave become overrides of a
 * configuration file. Name a subclass in {@code @Command(defaultValueProvider = ...)}.
 */
public abstract class SettingOptions implements IDefaultValueProvider {
  private final Map<String, Setting<?>> byOption;

  /** {@code byOption}: option long name, then its setting, e.g. {@code "--listen", FrontSettings.LISTEN}. */
  protected SettingOptions(Object... byOption) {
    Map<String, Setting<?>> m = new LinkedHashMap<>();
    for (int i = 0; i < byOption.length; i += 2) {
      m.put((String) byOption[i], (Setting<?>) Objects.requireNonNull(byOption[i + 1], (String) byOption[i]));
    }
    this.byOption = Map.copyOf(m);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o)) {
      return null;
    }
    Setting<?> s = byOption.get(o.longestName());
    return s == null || s.defaultText().isEmpty() || o.arity().max() == 0 ? null : s.defaultText();
  }

  /**
   * The settings given on the command line, by setting name, as the user wrote them.
   *
   * @throws IllegalArgumentException for a bad value, naming the option: {@code --nodes: "x" (expected: ...)}
   */
  public Map<String, String> given(ParseResult parsed) {
    Map<String, String> out = new LinkedHashMap<>();
    byOption.forEach((option, setting) -> {
      OptionSpec o = parsed.matchedOption(option);
      if (o == null) {
        return;
      }
      String text = o.arity().max() == 0 ? "true" : String.join(",", o.stringValues());
      try {
        setting.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + e.getMessage().substring(setting.name().length()), e);
      }
      out.put(setting.name(), text);
    });
    return out;
  }
}
