package org.lfr.tools.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;

/**
 * Writes a small float32 inference graph as an ONNX model file. Only what a model conversion needs: nodes with int
 * and int-list attributes, float/int64 initialisers, one float input and one float output. The field numbers are
 * those of onnx.proto (ONNX IR version 8); protobuf-java does the wire encoding.
 */
public final class OnnxModelWriter {

    private static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT64 = 7;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    public record Attribute(String name, long[] ints, boolean list) {
        public static Attribute of(String name, long value) {
            return new Attribute(name, new long[] {value}, false);
        }

        public static Attribute list(String name, long... values) {
            return new Attribute(name, values, true);
        }
    }

    private record Node(String op, List<String> inputs, String output, List<Attribute> attributes) {
    }

    private record Initialiser(String name, long[] dims, int type, byte[] raw) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Initialiser> initialisers = new ArrayList<>();
    private final int opset;
    private int counter;

    public OnnxModelWriter(int opset) {
        this.opset = opset;
    }

    /** Adds a node and returns the name of its single output. */
    public String node(String op, List<String> inputs, Attribute... attributes) {
        String output = op.toLowerCase() + "_" + (counter++);
        nodes.add(new Node(op, inputs, output, List.of(attributes)));
        return output;
    }

    public String floats(String name, float[] values, long... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        initialisers.add(new Initialiser(name, dims, FLOAT, buffer.array()));
        return name;
    }

    public String bytes(String name, byte[] values, long... dims) {
        initialisers.add(new Initialiser(name, dims, UINT8, values.clone()));
        return name;
    }

    public String longs(String name, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buffer.putLong(v);
        }
        initialisers.add(new Initialiser(name, new long[] {values.length}, INT64, buffer.array()));
        return name;
    }

    /** Writes the model: input {@code input} of {@code inputShape}, output {@code outputName} of {@code outputShape}. */
    public void write(OutputStream out, String producer, String input, long[] inputShape, String outputNode,
            String outputName, long[] outputShape) throws IOException {
        // The last node's output is renamed to the public output name.
        List<Node> all = new ArrayList<>(nodes);
        for (int i = 0; i < all.size(); i++) {
            Node n = all.get(i);
            if (n.output().equals(outputNode)) {
                all.set(i, new Node(n.op(), n.inputs(), outputName, n.attributes()));
            }
        }
        byte[] graph = message(g -> {
            for (Node n : all) {
                g.writeByteArray(1, nodeBytes(n));
            }
            g.writeString(2, producer);
            for (Initialiser t : initialisers) {
                g.writeByteArray(5, tensorBytes(t));
            }
            g.writeByteArray(11, valueInfo(input, inputShape));
            g.writeByteArray(12, valueInfo(outputName, outputShape));
        });
        byte[] opsetId = message(o -> {
            o.writeString(1, "");
            o.writeInt64(2, opset);
        });
        CodedOutputStream model = CodedOutputStream.newInstance(out);
        model.writeInt64(1, IR_VERSION);
        model.writeString(2, producer);
        model.writeByteArray(7, graph);
        model.writeByteArray(8, opsetId);
        model.flush();
    }

    private static byte[] nodeBytes(Node n) throws IOException {
        return message(m -> {
            for (String in : n.inputs()) {
                m.writeString(1, in);
            }
            m.writeString(2, n.output());
            m.writeString(3, n.output());
            m.writeString(4, n.op());
            for (Attribute a : n.attributes()) {
                m.writeByteArray(5, message(am -> {
                    am.writeString(1, a.name());
                    if (a.list()) {
                        for (long v : a.ints()) {
                            am.writeInt64(8, v);
                        }
                        am.writeInt32(20, ATTR_INTS);
                    } else {
                        am.writeInt64(3, a.ints()[0]);
                        am.writeInt32(20, ATTR_INT);
                    }
                }));
            }
        });
    }

    private static byte[] tensorBytes(Initialiser t) throws IOException {
        return message(m -> {
            for (long d : t.dims()) {
                m.writeInt64(1, d);
            }
            m.writeInt32(2, t.type());
            m.writeString(8, t.name());
            m.writeBytes(9, ByteString.copyFrom(t.raw()));
        });
    }

    private static byte[] valueInfo(String name, long[] shape) throws IOException {
        byte[] dims = message(s -> {
            for (long d : shape) {
                s.writeByteArray(1, message(dim -> dim.writeInt64(1, d)));
            }
        });
        byte[] tensorType = message(tt -> {
            tt.writeInt32(1, FLOAT);
            tt.writeByteArray(2, dims);
        });
        return message(v -> {
            v.writeString(1, name);
            v.writeByteArray(2, message(type -> type.writeByteArray(1, tensorType)));
        });
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
