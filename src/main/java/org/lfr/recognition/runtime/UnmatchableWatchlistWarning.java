package org.lfr.recognition.runtime;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.lfr.common.Await;
import org.lfr.deployment.RunningDeployment;
import org.lfr.recognition.pipeline.FacePipeline;
import org.lfr.watchlist.WatchlistEmbeddings;

/**
 * A watchlist enrolled under other models (the models or their settings changed since) would silently match nobody:
 * say so loudly, once per run of the deployment.
 */
@ApplicationScoped
class UnmatchableWatchlistWarning {

    private static final Logger LOG = Logger.getLogger(UnmatchableWatchlistWarning.class);

    private final FacePipeline pipeline;
    private final WatchlistEmbeddings embeddings;
    /** ACTIVE deployments whose watchlist enrolment was checked against the running model. */
    private final Set<UUID> checked = ConcurrentHashMap.newKeySet();

    UnmatchableWatchlistWarning(FacePipeline pipeline, WatchlistEmbeddings embeddings) {
        this.pipeline = pipeline;
        this.embeddings = embeddings;
    }

    void checkOnce(RunningDeployment d) {
        if (!checked.add(d.id())) {
            return;
        }
        String model = pipeline.embeddingName();
        try {
            long unmatchable = Await.result(() -> embeddings.unmatchableEntries(d.id(), model));
            if (unmatchable > 0) {
                LOG.errorf("deployment %s: %d watchlist entries have no embedding from the running model %s and"
                        + " cannot be matched; re-enrol their images (the models or their settings changed)",
                        d.reference(), unmatchable, model);
            }
        } catch (RuntimeException e) {
            LOG.warnf("deployment %s: watchlist enrolment check failed: %s", d.reference(), e.getMessage());
        }
    }

    /** The deployment stopped running here: check it again when it next runs. */
    void forget(UUID deploymentId) {
        checked.remove(deploymentId);
    }
}
