package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormalizerTest {
  private final UrlNormalizer n = UrlNormalizer.defaults();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTP://Example.COM/a|http://example.com/a",
      "http://example.com:80/a|http://example.com/a",
      "https://example.com:443/a|https://example.com/a",
      "http://example.com:443/a|http://example.com:443/a",
      "http://example.com:/a|http://example.com/a",
      "http://example.com|http://example.com/",
      "http://example.com?q|http://example.com/?q",
      "http://example.com/a#frag|http://example.com/a",
      "http://example.com/%7euser/%41%2f%2F|http://example.com/~user/A%2F%2F",
      "http://example.com/a%c3%a9|http://example.com/a%C3%A9",
      "http://example.com/é|http://example.com/%C3%A9",
      "http://example.com/a/./b/../c|http://example.com/a/c",
      "http://example.com/../../x|http://example.com/x",
      "http://example.com/a/..|http://example.com/",
      "http://example.com/p?b=2&a=1|http://example.com/p?b=2&a=1",
      "http://example.com/p?x=%7e%2b|http://example.com/p?x=~%2B",
      "http://[::1]:8080/p|http://[::1]:8080/p",
      "http://[FE80::1]/p|http://[fe80::1]/p",
      "http://example.com/a^b|http://example.com/a%5Eb",
  })
  void normalizes(String in, String out) {
    assertThat(n.normalize(in)).isEqualTo(out);
  }

  @Test
  void equivalentUrlsHaveOneKey() {
    assertThat(n.key("HTTP://EXAMPLE.com:80/%7Ea?x#y")).isEqualTo(n.key("http://example.com/~a?x"));
    assertThat(n.key("http://example.com/a?x")).isNotEqualTo(n.key("http://example.com/a?y"));
  }

  @Test
  void keyPartsAreConfigurable() {
    UrlNormalizer noQuery = UrlNormalizer.builder().includeQuery(false).build();
    assertThat(noQuery.normalize("http://h/p?a=1")).isEqualTo("http://h/p");
    UrlNormalizer sorted = UrlNormalizer.builder().sortQuery(true).ignoreQueryParameters("utm_source").build();
    assertThat(sorted.normalize("http://h/p?b=2&utm_source=x&a=1")).isEqualTo("http://h/p?a=1&b=2");
    assertThat(sorted.normalize("http://h/p?utm_source=x")).isEqualTo("http://h/p");
    UrlNormalizer dots = UrlNormalizer.builder().removeDotSegments(false).build();
    assertThat(dots.normalize("http://h/a/../b")).isEqualTo("http://h/a/../b");
    assertThatThrownBy(() -> UrlNormalizer.builder().ignoreQueryParameters(""))
        .hasMessage("ignored query parameter: \"\" (expected: a name)");
  }

  @Test
  void parseKeepsTheRawTargetForForwarding() {
    TargetUrl t = n.parse("HTTP://Example.com:8080/a/../%7e?q=1#f");
    assertThat(t.scheme()).isEqualTo("http");
    assertThat(t.host()).isEqualTo("example.com");
    assertThat(t.port()).isEqualTo(8080);
    assertThat(t.pathAndQuery()).isEqualTo("/a/../%7e?q=1");
    assertThat(t.authority()).isEqualTo("example.com:8080");
    TargetUrl reverse = n.parse("http", "origin:8000", "/x?y");
    assertThat(reverse.toString()).isEqualTo("http://origin:8000/x?y");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ftp://example.com/|bad URL \"ftp://example.com/\": unsupported scheme \"ftp\" (expected: http or https)",
      "/relative|bad URL \"/relative\": not an absolute URL (expected: http://host/path)",
      "http:///path|bad URL \"http:///path\": empty host",
      "http://user:pw@example.com/|bad URL \"http://user:pw@example.com/\": user info is not allowed in the authority",
      "http://example.com:99999/|bad URL \"http://example.com:99999/\": bad port 99999 (expected: 1-65535)",
      "http://example.com:0/|bad URL \"http://example.com:0/\": bad port 0 (expected: 1-65535)",
      "http://example.com:8a/|bad URL \"http://example.com:8a/\": bad port \"8a\" (expected: 1-65535)",
      "http://exa$mple.com/|bad URL \"http://exa$mple.com/\": invalid character '$' in host",
      "http://example.com/%zz|bad URL \"http://example.com/%zz\": bad percent-encoding at index 19 (expected: % and two hex digits)",
      "http://example.com/%4|bad URL \"http://example.com/%4\": bad percent-encoding at index 19 (expected: % and two hex digits)",
      "http://[::1/|bad URL \"http://[::1/\": unclosed IPv6 literal",
      "http://[::g]/|bad URL \"http://[::g]/\": invalid character 'g' in IPv6 literal",
  })
  void refusesWithAPreciseReason(String in, String message) {
    assertThatThrownBy(() -> n.normalize(in)).isInstanceOf(InvalidUrlException.class).hasMessage(message);
  }

  @Test
  void controlCharactersAndSpacesAreRefused() {
    assertThatThrownBy(() -> n.normalize("http://h/a b"))
        .hasMessage("bad URL \"http://h/a b\": invalid character 0x20 at index 10");
    assertThatThrownBy(() -> n.normalize("http://h/a\r\nX: y"))
        .hasMessage("bad URL \"http://h/a??X: y\": invalid character 0x0D at index 10");
  }

  @Test
  void normalizingIsIdempotent() {
    for (String url : new String[] {"http://h/%7e/./a/../b?%41=%e2%82%ac", "https://H:443/é|x", "http://h"}) {
      String once = n.normalize(url);
      assertThat(n.normalize(once)).isEqualTo(once);
    }
  }
}
