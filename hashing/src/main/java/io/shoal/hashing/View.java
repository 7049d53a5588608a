package io.shoal.hashing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered, immutable set of members: the agreed cluster membership a strategy places keys
 * over. Member order matters to index-based strategies ({@code md5}, {@code jump}), so every node
 * must build its view in the same order. Loads travel with the view but are not part of its
 * {@linkplain #sameTopology topology}: a new load report does not rebuild a ring.
 */
public final class View {
  private final long epoch;
  private final List<Member> members;
  private final Map<String, Integer> indexById;
  private final boolean uniformWeights;

  private View(long epoch, List<Member> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("view: no members (expected: at least one)");
    }
    this.epoch = epoch;
    this.members = List.copyOf(members);
    this.indexById = new HashMap<>();
    for (int i = 0; i < this.members.size(); i++) {
      String id = this.members.get(i).id();
      if (indexById.putIfAbsent(id, i) != null) {
        throw new IllegalArgumentException("view: duplicate member id '" + id + "'");
      }
    }
    double first = this.members.get(0).weight();
    this.uniformWeights = this.members.stream().allMatch(m -> m.weight() == first);
  }

  /** A view of weight-1 members, epoch 0. */
  public static View of(String... ids) {
    Objects.requireNonNull(ids, "ids");
    List<Member> members = new ArrayList<>(ids.length);
    for (String id : ids) {
      members.add(Member.of(id));
    }
    return new View(0, members);
  }

  /** A view of the given members, in this order. */
  public static View of(long epoch, Collection<Member> members) {
    Objects.requireNonNull(members, "members");
    return new View(epoch, new ArrayList<>(members));
  }

  /** The view's epoch: a number that grows with every membership change. */
  public long epoch() {
    return epoch;
  }

  public List<Member> members() {
    return members;
  }

  public int size() {
    return members.size();
  }

  public Member get(int index) {
    return members.get(index);
  }

  /** The index of the member with this id, or -1. */
  public int indexOf(String id) {
    Integer index = indexById.get(id);
    return index == null ? -1 : index;
  }

  public boolean contains(String id) {
    return indexById.containsKey(id);
  }

  /** Whether all members have the same weight. */
  public boolean uniformWeights() {
    return uniformWeights;
  }

  public double totalWeight() {
    return members.stream().mapToDouble(Member::weight).sum();
  }

  /** The same members with the given loads (ids not in the map keep theirs). */
  public View withLoads(Map<String, Double> loads) {
    Objects.requireNonNull(loads, "loads");
    List<Member> updated = new ArrayList<>(members.size());
    for (Member m : members) {
      Double load = loads.get(m.id());
      updated.add(load == null ? m : m.withLoad(load));
    }
    return new View(epoch, updated);
  }

  /** This view plus one member at the end, epoch + 1. */
  public View plus(Member member) {
    List<Member> updated = new ArrayList<>(members);
    updated.add(member);
    return new View(epoch + 1, updated);
  }

  /** This view less the member with this id, epoch + 1. */
  public View minus(String id) {
    if (!contains(id)) {
      throw new IllegalArgumentException("view: no member '" + id + "'");
    }
    List<Member> updated = new ArrayList<>(members);
    updated.remove(indexOf(id));
    return new View(epoch + 1, updated);
  }

  /** Whether both views have the same member ids and weights in the same order. */
  public boolean sameTopology(View other) {
    if (other == this) {
      return true;
    }
    if (other.size() != size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      Member a = members.get(i);
      Member b = other.members.get(i);
      if (!a.id().equals(b.id()) || a.weight() != b.weight()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "View{epoch=" + epoch + ", members=" + members + "}";
  }
}
