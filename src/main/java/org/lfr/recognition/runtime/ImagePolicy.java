package org.lfr.recognition.runtime;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.InvalidInputException;
import org.lfr.recognition.pipeline.image.ImageHeader;

/**
 * One policy for every image the service is given: JPEG or PNG by signature, at most so many bytes, and at most so
 * many pixels as declared in its header — checked before decoding, so no upload can make the service allocate
 * gigabytes or hit the decoder's own limits.
 */
@ApplicationScoped
public class ImagePolicy {

    /** An image refused for an {@link ImageRefusal}: {@code invalid-input} with it as {@code reason}. */
    @io.smallrye.graphql.api.ErrorCode(org.lfr.common.ErrorCode.Codes.INVALID_INPUT)
    public static class RefusedException extends InvalidInputException {

        private final ImageRefusal refusal;

        RefusedException(String field, ImageRefusal refusal, String message) {
            super(field + ": " + message, List.of(new FieldError(field, message)), refusal.name());
            this.refusal = refusal;
        }

        public ImageRefusal refusal() {
            return refusal;
        }
    }

    private final ImagesConfig config;

    public ImagePolicy(ImagesConfig config) {
        this.config = config;
    }

    public int maxBytes() {
        return config.maxBytes();
    }

    /** The header of an acceptable image; {@code field} names it in the refusal ("image", "frame"). */
    public ImageHeader check(String field, byte[] data) {
        if (data == null || data.length == 0) {
            throw new RefusedException(field, ImageRefusal.EMPTY, "the body is empty");
        }
        if (data.length > config.maxBytes()) {
            throw new RefusedException(field, ImageRefusal.TOO_LARGE, data.length + " bytes is over the limit of "
                    + config.maxBytes());
        }
        ImageHeader header = ImageHeader.read(data).orElseThrow(() -> new RefusedException(field,
                ImageRefusal.UNSUPPORTED_FORMAT, "only JPEG and PNG images are accepted"));
        if (header.pixels() > config.maxPixels()) {
            throw new RefusedException(field, ImageRefusal.TOO_MANY_PIXELS, header.width() + "×" + header.height()
                    + " pixels is over the limit of " + config.maxPixels());
        }
        return header;
    }
}
