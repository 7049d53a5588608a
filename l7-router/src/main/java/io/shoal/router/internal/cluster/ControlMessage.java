package io.shoal.router.internal.cluster;

import io.shoal.router.LoadReport;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The control-plane messages nodes exchange over the JGroups channel. Each record names its type
 * byte ({@code KIND}), writes its own fields ({@link #write}) and reads them back (its static
 * {@code read}); {@link ControlCodec} finds the kinds of every record here, and {@link Dispatcher}
 * hands a message to its handler. A new message is a record here and its handler in {@link JGroupsNode}.
 */
public sealed interface ControlMessage {

  /** Writes this message's fields (the type byte is the codec's). */
  void write(DataOutput out) throws IOException;

  /** A node's load report. */
  record Load(String node, LoadReport report) implements ControlMessage {
    static final ControlCodec.Kind<Load> KIND = new ControlCodec.Kind<>(1, Load.class, Load::read);

    static Load read(DataInput in) throws IOException {
      return new Load(in.readUTF(), new LoadReport(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble()));
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeUTF(node);
      out.writeLong(report.inFlight());
      out.writeDouble(report.cpu());
      out.writeDouble(report.cacheFill());
      out.writeDouble(report.requestRate());
    }
  }

  /** A node starts (or stops) draining. */
  record Drain(String node, boolean draining) implements ControlMessage {
    static final ControlCodec.Kind<Drain> KIND = new ControlCodec.Kind<>(2, Drain.class, Drain::read);

    static Drain read(DataInput in) throws IOException {
      return new Drain(in.readUTF(), in.readBoolean());
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeUTF(node);
      out.writeBoolean(draining);
    }
  }

  /** Asks the coordinator to switch the cluster's strategy. */
  record SwitchRequest(String spec) implements ControlMessage {
    static final ControlCodec.Kind<SwitchRequest> KIND = new ControlCodec.Kind<>(3, SwitchRequest.class, SwitchRequest::read);

    static SwitchRequest read(DataInput in) throws IOException {
      return new SwitchRequest(in.readUTF());
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeUTF(spec);
    }
  }

  /** The coordinator's strategy: every node adopts it. */
  record Strategy(String spec, long generation) implements ControlMessage {
    static final ControlCodec.Kind<Strategy> KIND = new ControlCodec.Kind<>(4, Strategy.class, Strategy::read);

    static Strategy read(DataInput in) throws IOException {
      return new Strategy(in.readUTF(), in.readLong());
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeUTF(spec);
      out.writeLong(generation);
    }
  }

  /** The coordinator's strategy state, encoded by {@link StateCodec}. */
  record State(String spec, long generation, byte[] state) implements ControlMessage {
    static final ControlCodec.Kind<State> KIND = new ControlCodec.Kind<>(5, State.class, State::read);

    static State read(DataInput in) throws IOException {
      String spec = in.readUTF();
      long generation = in.readLong();
      byte[] state = new byte[in.readInt()];
      in.readFully(state);
      return new State(spec, generation, state);
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeUTF(spec);
      out.writeLong(generation);
      out.writeInt(state.length);
      out.write(state);
    }
  }

  /** Invalidate {@code key} on its owner; answered with {@link Invalidated}. */
  record Invalidate(long id, String key) implements ControlMessage {
    static final ControlCodec.Kind<Invalidate> KIND = new ControlCodec.Kind<>(6, Invalidate.class, Invalidate::read);

    static Invalidate read(DataInput in) throws IOException {
      return new Invalidate(in.readLong(), in.readUTF());
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeLong(id);
      out.writeUTF(key);
    }
  }

  /** The owner's answer to {@link Invalidate} {@code id}: whether it had the key. */
  record Invalidated(long id, boolean removed) implements ControlMessage {
    static final ControlCodec.Kind<Invalidated> KIND = new ControlCodec.Kind<>(7, Invalidated.class, Invalidated::read);

    static Invalidated read(DataInput in) throws IOException {
      return new Invalidated(in.readLong(), in.readBoolean());
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeLong(id);
      out.writeBoolean(removed);
    }
  }
}
