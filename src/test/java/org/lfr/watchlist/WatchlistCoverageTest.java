package org.lfr.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfr.support.Fixtures.await;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.support.Fixtures;
import org.lfr.support.SharedEval;

import io.quarkus.test.junit.QuarkusTest;

/** Entries without an embedding of the running model cannot be matched, and the service can tell how many. */
@QuarkusTest
class WatchlistCoverageTest {

    @Inject
    WatchlistEmbeddings matcher;
    @Inject
    FacePipeline pipeline;
    @Inject
    WatchlistService watchlists;

    @Test
    void countsTheEntriesTheRunningModelCannotMatch() {
        var officer = Fixtures.officer("coverage.officer");
        var d = Fixtures.draft(officer);
        var enrolled = Fixtures.entry(officer, d.id(), false);
        await(() -> Fixtures.bean(org.lfr.watchlist.EnrolmentService.class).storeImage(officer, enrolled.id(),
                SharedEval.bytes("face_recognition_examples/obama/obama.jpg")));
        Fixtures.entry(officer, d.id(), false); // no image at all

        assertThat(await(() -> matcher.unmatchableEntries(d.id(), pipeline.embeddingName()))).isEqualTo(1);
        assertThat(await(() -> matcher.unmatchableEntries(d.id(), "another-model:BGR")))
                .as("enrolled under other models: none can be matched").isEqualTo(2);
    }
}
