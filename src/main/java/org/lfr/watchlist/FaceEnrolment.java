package org.lfr.watchlist;

/**
 * What enrolment needs from face recognition: the photo's one face, checked and embedded. Implemented by the
 * recognition runtime (which depends on this feature, never the other way).
 */
public interface FaceEnrolment {

    /**
     * An embedding, the name of the models that made it (embeddings of different models are never compared) and the
     * photo's content type (judged from its bytes).
     */
    record EnrolledFace(float[] embedding, String model, String contentType) {
    }

    /**
     * Checks the photo (format, size, declared pixels — before decoding it), then its face. Blocking (inference):
     * call off the event loop. Refuses with an {@link EnrolmentRejectedException}.
     */
    EnrolledFace enrol(byte[] image);

    /** Largest photo accepted, in bytes. */
    int maxImageBytes();

    /** The embedding name of the running models. */
    String model();
}
