package io.shoal.router.internal.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jgroups.Address;

/**
 * Hands each control message to the handler of its type. Built with exactly one handler for every
 * {@link ControlMessage} type: a type without one fails {@link Builder#build()}, so a node never
 * starts deaf to a message.
 */
public final class Dispatcher {
  private final Map<Class<?>, Handler<?>> handlers;

  /** What a node does with one type of message, sent by the member at {@code from}. */
  @FunctionalInterface
  public interface Handler<M extends ControlMessage> {
    void handle(M message, Address from);
  }

  private Dispatcher(Map<Class<?>, Handler<?>> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the handler of {@code m}'s type. */
  @SuppressWarnings("unchecked")
  public void dispatch(ControlMessage m, Address from) {
    ((Handler<ControlMessage>) handlers.get(m.getClass())).handle(m, from);
  }

  /** Collects one handler per message type. */
  public static final class Builder {
    private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

    private Builder() {}

    /** Handles messages of {@code type} with {@code handler}. */
    public <M extends ControlMessage> Builder on(Class<M> type, Handler<? super M> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(type, handler) != null) {
        throw new IllegalStateException("control message " + type.getSimpleName()
            + ": a second handler (expected: one per message type)");
      }
      return this;
    }

    /**
     * The dispatcher.
     *
     * @throws IllegalStateException naming a message type that has no handler
     */
    public Dispatcher build() {
      for (Class<?> c : ControlMessage.class.getPermittedSubclasses()) {
        if (!handlers.containsKey(c)) {
          throw new IllegalStateException("control message " + c.getSimpleName() + ": no handler (expected: one per message type)");
        }
      }
      return new Dispatcher(handlers);
    }
  }
}
