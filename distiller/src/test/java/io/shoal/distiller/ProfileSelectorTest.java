package io.shoal.distiller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which profile a request gets, what it varies on, and the builders' fail-fast checks. */
class ProfileSelectorTest {
  private static final Profile MOBILE = Profile.builder("mobile").quality(40).maxDimension(800).build();

  @Test
  void outOfTheBoxOnlySaveDataOnDistills() {
    ProfileSelector s = ProfileSelector.defaults();

    assertThat(s.select(Headers.of("Save-Data", "on")).profile()).isSameAs(Profile.saveData());
    assertThat(s.select(Headers.of("save-data", " On ;x=1")).profile()).isSameAs(Profile.saveData());
    assertThat(s.select(Headers.of("Save-Data", "off")).distills()).isFalse();
    assertThat(s.select(Headers.of("Save-Data", "onion")).distills()).isFalse();
    assertThat(s.select(Headers.none()).distills()).isFalse();
    assertThat(s.select(Headers.of("Save-Data", "on", "Cache-Control", "no-transform")).distills()).isFalse();
    assertThat(s.vary()).containsExactly("Save-Data");
  }

  @Test
  void builtInSaveDataProfileIsQ50At1280WithGzip() {
    Profile p = Profile.saveData();

    assertThat(p.name()).isEqualTo("save-data");
    assertThat(p.quality()).isEqualTo(50);
    assertThat(p.maxDimension()).isEqualTo(1280);
    assertThat(p.gzip()).isTrue();
    assertThat(p.distillers()).containsExactly("jpeg", "png", "gif", "gzip");
  }

  @Test
  void clientHeaderBeatsSaveDataWhichBeatsTheDefault() {
    Profile lite = Profile.builder("lite").quality(70).distillers("gzip").build();
    ProfileSelector s = ProfileSelector.builder().profile(MOBILE).profile(lite)
        .clientHeader("X-Shoal-Profile").defaultProfile("lite").build();

    assertThat(s.select(Headers.of("X-Shoal-Profile", "mobile", "Save-Data", "on")).profile()).isSameAs(MOBILE);
    assertThat(s.select(Headers.of("x-shoal-profile", "none", "Save-Data", "on")).distills()).isFalse();
    assertThat(s.select(Headers.of("X-Shoal-Profile", "nonsense", "Save-Data", "on")).profile().name()).isEqualTo("save-data");
    assertThat(s.select(Headers.of("X-Shoal-Profile", "nonsense")).profile()).isSameAs(lite);
    assertThat(s.select(Headers.none()).profile()).isSameAs(lite);
    assertThat(s.vary()).containsExactly("X-Shoal-Profile", "Save-Data");
  }

  @Test
  void saveDataCanBeMappedToAConfiguredProfileOrTurnedOff() {
    ProfileSelector mapped = ProfileSelector.builder().profile(MOBILE).saveDataProfile("mobile").build();
    ProfileSelector off = ProfileSelector.builder().saveDataProfile("").defaultProfile("save-data").build();

    assertThat(mapped.select(Headers.of("Save-Data", "on")).profile()).isSameAs(MOBILE);
    assertThat(off.select(Headers.of("Save-Data", "on")).profile()).isSameAs(Profile.saveData());
    assertThat(off.vary()).isEmpty();
  }

  @Test
  void variantKeysDifferPerProfileAndGzipAndNeverEqualTheOriginal() {
    ProfileSelector s = ProfileSelector.builder().profile(MOBILE).clientHeader("X-P").build();
    String key = "http://example.com/a.jpg";

    Selection none = s.select(Headers.none());
    Selection saveGzip = s.select(Headers.of("Save-Data", "on", "Accept-Encoding", "gzip"));
    Selection save = s.select(Headers.of("Save-Data", "on"));
    Selection mobile = s.select(Headers.of("X-P", "mobile", "Accept-Encoding", "gzip"));

    assertThat(Variants.key(key, none)).isEqualTo(key);
    assertThat(Variants.key(key, saveGzip)).isEqualTo(key + " distilled=save-data;gzip");
    assertThat(Variants.key(key, save)).isEqualTo(key + " distilled=save-data");
    assertThat(Variants.key(key, mobile)).isEqualTo(key + " distilled=mobile;gzip");
  }

  @Test
  void buildersFailFastNamingTheSettingAndTheRange() {
    assertThatThrownBy(() -> Profile.builder("x").quality(101))
        .hasMessage("quality: 101 (expected: 1..100)");
    assertThatThrownBy(() -> Profile.builder("x").quality(0))
        .hasMessage("quality: 0 (expected: 1..100)");
    assertThatThrownBy(() -> Profile.Huffman.of("fast"))
        .hasMessage("huffman: \"fast\" (expected: standard or optimized)");
    assertThatThrownBy(() -> Profile.Huffman.of("OPTIMIZED"))
        .hasMessage("huffman: \"OPTIMIZED\" (expected: standard or optimized)");
    assertThat(Profile.Huffman.of("optimized")).isEqualTo(Profile.Huffman.OPTIMIZED);
    assertThat(Profile.builder("x").build().huffman()).isEqualTo(Profile.Huffman.STANDARD);
    assertThat(Profile.saveData().huffman()).isEqualTo(Profile.Huffman.OPTIMIZED);
    assertThatThrownBy(() -> Profile.builder("x").maxDimension(8))
        .hasMessage("maxDimension: 8 (expected: 16..65535)");
    assertThatThrownBy(() -> Profile.builder("bad name"))
        .hasMessageStartingWith("name: \"bad name\" (expected:");
    assertThatThrownBy(() -> Profile.builder("x").distillers("gzip", "gzip"))
        .hasMessage("distillers: gzip twice (expected: each name once)");
    assertThatThrownBy(() -> ProfileSelector.builder().defaultProfile("mobile").build())
        .hasMessage("defaultProfile: \"mobile\" (expected one of: save-data, or empty for none)");
    assertThatThrownBy(() -> ProfileSelector.builder().profile(Profile.builder("none").build()))
        .hasMessageStartingWith("profile: \"none\"");
    assertThatThrownBy(() -> DistillService.builder().threads(0))
        .hasMessage("threads: 0 (expected: 1..1024)");
    assertThatThrownBy(() -> DistillService.builder().maxPixels(0))
        .hasMessage("maxPixels: 0 (expected: > 0)");
    assertThatThrownBy(() -> DistillService.builder().selector(ProfileSelector.builder()
        .profile(Profile.builder("m").distillers("webp").build()).build()).build())
        .hasMessage("profile m: distiller \"webp\" (expected one of: jpeg, png, gif, gzip)");
    assertThatThrownBy(() -> Distillers.create("webp"))
        .hasMessage("distiller: \"webp\" (expected one of: jpeg, png, gif, gzip)");
  }

  @Test
  void registryNamesEveryBuiltInOnceAndCreatesIt() {
    assertThat(Distillers.names()).containsExactly("jpeg", "png", "gif", "gzip");
    for (String name : Distillers.names()) {
      assertThat(Distillers.create(name).name()).isEqualTo(name);
    }
  }
}
