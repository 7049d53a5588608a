package io.shoal.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

/** Evaluates the generated PAC in Rhino and compares it with the Java strategies on 10,000 URLs. */
class ProxyAutoConfigTest {

  static ClusterView view() {
    StaticMembership m = Membership.fixed().self("cache-1").secret("pac-test-secret-16").peer("cache-1", "10.0.0.1:3128", 1)
        .peer("cache-2", "10.0.0.2:3128", 2).peer("cache-3", "10.0.0.3:3128", 1).peer("cache-4", "10.0.0.4:3128", 1.5)
        .peer("node-5", "[::1]:3128", 1).build();
    return m.current();
  }

  static String url(int i) {
    String[] hosts = {"example.com", "images.example.org", "a.b.c.example.net:8080", "xn--bcher-kva.example", "h"};
    return "http://" + hosts[i % hosts.length] + "/dir" + (i % 97) + "/object-" + i + (i % 3 == 0 ? "?q=" + i + "&r=%C3%A9" : "")
        + (i % 11 == 0 ? "/%E2%82%AC-" : "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"md5", "ketama", "carp"})
  void thePacPicksTheSameOwnerAsTheRouterFor10kUrls(String spec) {
    ClusterView view = view();
    String pac = ProxyAutoConfig.generate(view, spec);
    Strategy strategy = Strategies.create(spec);
    Context cx = Context.enter();
    try {
      cx.setLanguageVersion(Context.VERSION_ES6);
      cx.setOptimizationLevel(-1);
      Scriptable scope = cx.initStandardObjects();
      cx.evaluateString(scope, pac, "proxy.pac", 1, null);
      Function find = (Function) scope.get("FindProxyForURL", scope);
      for (int i = 0; i < 10_000; i++) {
        String url = url(i);
        List<String> expected = new ArrayList<>();
        for (Member m : strategy.candidates(CacheKey.of(url), view.view())) {
          expected.add("PROXY " + view.peer(m.id()).authority());
        }
        String got = (String) find.call(cx, scope, scope, new Object[] {url, "ignored"});
        assertThat(got).as("%s %s", spec, url).isEqualTo(String.join("; ", expected));
      }
    } finally {
      Context.exit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rendezvous", "jump", "maglev"})
  void otherStrategiesListEveryNodeAndDrainingNodesAreLeftOut(String spec) {
    ClusterView view = view().withDraining("cache-2", true);
    Context cx = Context.enter();
    try {
      cx.setLanguageVersion(Context.VERSION_ES6);
      Scriptable scope = cx.initStandardObjects();
      cx.evaluateString(scope, ProxyAutoConfig.generate(view, spec), "proxy.pac", 1, null);
      Function find = (Function) scope.get("FindProxyForURL", scope);
      assertThat(find.call(cx, scope, scope, new Object[] {"http://EXAMPLE.com:80/a#frag", "example.com"}))
          .isEqualTo("PROXY 10.0.0.1:3128; PROXY 10.0.0.3:3128; PROXY 10.0.0.4:3128; PROXY [::1]:3128");
      assertThat(find.call(cx, scope, scope, new Object[] {"ftp://example.com/", "example.com"})).isEqualTo("DIRECT");
    } finally {
      Context.exit();
    }
  }
}
