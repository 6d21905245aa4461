package org.lfr.recognition.pipeline.model;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One ONNX model file behind a session. Inference is CPU-bound and blocking: callers run it off the event loop.
 * One intra-op thread: on two cores a second thread was not faster; parallelism comes from frames and faces.
 */
public final class OnnxModel implements AutoCloseable {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final Path path;
    private final OrtSession session;
    private final String inputName;

    public OnnxModel(Path path, int intraOpThreads) {
        this.path = path;
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = ENV.createSession(path.toString(), options);
            this.inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load ONNX model " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** The shape of the model's input, a dynamic dimension (batch, or a free size) given as 1. */
    public long[] inputShape() {
        try {
            long[] shape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
            return java.util.Arrays.stream(shape).map(d -> d < 1 ? 1 : d).toArray();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot read the input of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Runs the model on one float tensor and returns each named output flattened. */
    public Map<String, float[]> run(float[] input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> outputs = new java.util.HashMap<>();
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> entry : result) {
                OnnxTensor out = (OnnxTensor) entry.getValue();
                FloatBuffer buffer = out.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                outputs.put(entry.getKey(), values);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed in " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
