package org.lfr.watchlist;

/**
 * What enrolment needs from face recognition: the photo's one face, checked and embedded. Implemented by the
 * recognition runtime (which depends on this feature, never the other way).
 */
public interface FaceEnrolment {

    /** An embedding and the name of the models that made it (embeddings of different models are never compared). */
    record EnrolledFace(float[] embedding, String model) {
    }

    /** Blocking (inference): call off the event loop. Refuses with an {@link EnrolmentRejectedException}. */
    EnrolledFace enrol(byte[] image);

    /** The embedding name of the running models. */
    String model();
}
