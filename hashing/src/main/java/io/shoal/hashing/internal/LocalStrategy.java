package io.shoal.hashing.internal;

import io.shoal.hashing.CacheKey;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategy;
import io.shoal.hashing.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Every key belongs to this node; the others follow in view order. */
public final class LocalStrategy implements Strategy {
  private final String selfId;

  public LocalStrategy(String selfId) {
    this.selfId = Objects.requireNonNull(selfId, "selfId");
  }

  @Override
  public String name() {
    return "local(self=" + selfId + ")";
  }

  @Override
  public List<Member> candidates(CacheKey key, View view) {
    Lookups.check(key, view);
    int self = view.indexOf(selfId);
    if (self < 0) {
      return view.members();
    }
    List<Member> out = new ArrayList<>(view.size());
    out.add(view.get(self));
    for (Member m : view.members()) {
      if (!m.id().equals(selfId)) {
        out.add(m);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Member owner(CacheKey key, View view) {
    Lookups.check(key, view);
    int self = view.indexOf(selfId);
    return view.get(Math.max(self, 0));
  }
}
