package org.lfr.recognition.pipeline.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.recognition.pipeline.PipelineFactory;
import org.lfr.recognition.pipeline.RecognitionConfig;
import org.lfr.tools.StandaloneConfig;
import org.lfr.recognition.pipeline.embed.FaceEmbedder;
import org.lfr.recognition.pipeline.image.ImageDecoder;
import org.lfr.support.SharedEval;

/** Enrolment checks with the real models on real photographs (and real photographs altered by OpenCV). */
class EnrolmentAnalyserTest {

    static FacePipeline pipeline;
    static EnrolmentAnalyser analyser;

    @BeforeAll
    static void models() {
        RecognitionConfig config = StandaloneConfig.recognition();
        pipeline = PipelineFactory.create(config);
        analyser = new EnrolmentAnalyser(pipeline, config.enrolment());
    }

    static byte[] photo(String path) {
        return SharedEval.bytes("face_recognition_examples/" + path);
    }

    @Test
    void aGoodPortraitIsEnrolledAndMatchesAnotherPhotoOfThePerson() {
        var obama = analyser.analyse(photo("obama/obama.jpg"));
        var obamaAgain = analyser.analyse(photo("obama/obama2.jpg"));
        var biden = analyser.analyse(photo("biden/biden.jpg"));
        // the default configuration fuses two embedders: 512 + 128 dimensions
        assertThat(obama.embedding()).hasSize(640);
        var governance = StandaloneConfig.governance();
        assertThat(FaceEmbedder.cosine(obama.embedding(), obamaAgain.embedding()))
                .isGreaterThan(governance.defaultMatchThreshold());
        assertThat(FaceEmbedder.cosine(obama.embedding(), biden.embedding()))
                .isLessThan(governance.thresholdFloor());
    }

    @Test
    void aGroupPhotoIsRefusedAsMultipleFaces() {
        for (String group : new String[] {"_multi/obama_and_biden.jpg", "_multi/kit_with_rose.jpg", "_multi/two_people.jpg"}) {
            assertRejected(photo(group), EnrolmentAnalyser.Problem.MULTIPLE_FACES);
        }
    }

    @Test
    void aPhotoWithoutAFaceIsRefused() {
        // the lower left corner of a real press photo: suit, desk, no face
        try (Mat image = ImageDecoder.decodeBgr(photo("_variants/obama-1080p.jpg"));
                Mat corner = new Mat(image, new Rect(0, 700, 500, 380))) {
            assertRejected(jpeg(corner.clone()), EnrolmentAnalyser.Problem.NO_FACE);
        }
    }

    @Test
    void aTinyFaceIsRefusedAsTooSmall() {
        try (Mat image = ImageDecoder.decodeBgr(photo("obama/obama.jpg")); Mat small = new Mat()) {
            resize(image, small, new Size(image.cols() / 8, image.rows() / 8));
            assertRejected(jpeg(small), EnrolmentAnalyser.Problem.FACE_TOO_SMALL);
        }
    }

    @Test
    void aBlurredPhotoIsRefusedAsTooBlurry() {
        try (Mat image = ImageDecoder.decodeBgr(photo("obama/obama.jpg")); Mat blurred = new Mat()) {
            GaussianBlur(image, blurred, new Size(0, 0), 12);
            assertRejected(jpeg(blurred), EnrolmentAnalyser.Problem.TOO_BLURRY);
        }
    }

    @Test
    void bytesThatAreNoImageAreRefusedAsUnsupported() {
        assertRejected("GIF89a not really".getBytes(), EnrolmentAnalyser.Problem.UNDECODABLE);
    }

    private static void assertRejected(byte[] image, EnrolmentAnalyser.Problem problem) {
        assertThatThrownBy(() -> analyser.analyse(image)).isInstanceOf(EnrolmentAnalyser.Refused.class)
                .satisfies(e -> assertThat(((EnrolmentAnalyser.Refused) e).problem()).isEqualTo(problem));
    }

    private static byte[] jpeg(Mat image) {
        try (BytePointer out = new BytePointer()) {
            imencode(".jpg", image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
