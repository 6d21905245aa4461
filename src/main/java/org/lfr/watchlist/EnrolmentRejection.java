package org.lfr.watchlist;

/** Why an enrolment image was refused; stable names for clients. */
public enum EnrolmentRejection {
    NO_FACE, MULTIPLE_FACES, FACE_TOO_SMALL, TOO_BLURRY, UNSUPPORTED_FORMAT, TOO_LARGE, TOO_MANY_PIXELS
}
