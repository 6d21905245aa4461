package org.lfr.recognition.runtime;

/** Why an image (an enrolment photo or a pushed frame) was refused before decoding (the API's {@code reason}). */
public enum ImageRefusal {
    EMPTY, UNSUPPORTED_FORMAT, TOO_LARGE, TOO_MANY_PIXELS
}
