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
 * configuration file. Name a subclass in {@code @Command(defaultValueProvider = ...)}; it may
 * also give the defaults of a command's own options, which stand for no setting.
 */
public abstract class SettingOptions implements IDefaultValueProvider {
  private final Map<String, Setting<?>> byOption = new LinkedHashMap<>();
  private final Map<String, String> literals = new LinkedHashMap<>();

  /**
   * {@code byOption}: option long names, each followed by its setting ({@code "--listen",
   * FrontSettings.LISTEN}) or, for an option of the command's own, its default text ({@code
   * "--java-opts", "-Xmx512m"}).
   */
  protected SettingOptions(Object... byOption) {
    for (int i = 0; i < byOption.length; i += 2) {
      String option = (String) byOption[i];
      Object v = Objects.requireNonNull(byOption[i + 1], option);
      if (v instanceof Setting<?> s) {
        this.byOption.put(option, s);
      } else {
        literals.put(option, (String) v);
      }
    }
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o)) {
      return null;
    }
    if (literals.containsKey(o.longestName())) {
      return literals.get(o.longestName());
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
