package org.lfr.persistence;

/** pgvector's text representation of a vector: {@code [1.5,-2,0.25]}. */
public final class VectorText {

    private VectorText() {
    }

    public static String format(float[] vector) {
        if (vector == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(vector.length * 12 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("vector component " + i + " is not a finite number");
            }
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }

    public static float[] parse(String text) {
        if (text == null) {
            return null;
        }
        String body = text.trim();
        if (body.length() < 2 || body.charAt(0) != '[' || body.charAt(body.length() - 1) != ']') {
            throw new IllegalArgumentException("not a pgvector text value: " + abbreviate(body));
        }
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i].trim());
        }
        return vector;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
