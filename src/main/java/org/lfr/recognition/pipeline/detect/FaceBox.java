package org.lfr.recognition.pipeline.detect;

/** A detected face in frame pixels (corners) with the detector's confidence. */
public record FaceBox(float x1, float y1, float x2, float y2, float score) {

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    public float iou(FaceBox other) {
        float ix = Math.max(0, Math.min(x2, other.x2) - Math.max(x1, other.x1));
        float iy = Math.max(0, Math.min(y2, other.y2) - Math.max(y1, other.y1));
        float inter = ix * iy;
        float union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    public float centreDistanceTo(float x, float y) {
        float cx = (x1 + x2) / 2;
        float cy = (y1 + y2) / 2;
        return (float) Math.hypot(cx - x, cy - y);
    }
}
