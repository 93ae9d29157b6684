package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.engine.spi.StepOutput;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulling a step's image for one run: when it is missing, as {@code docker run} does, or every
 * time when the step asks ({@code pull: true}), with the step's retries and the reference's words.
 */
final class ImagePuller {
    private final DockerClient docker;
    private final RegistryAuth auth;
    private final String host;
    /** Images seen present in this run. */
    private final Set<String> knownImages = ConcurrentHashMap.newKeySet();

    ImagePuller(DockerClient docker, RegistryAuth auth, String host) {
        this.docker = docker;
        this.auth = auth;
        this.host = host;
    }

    /** Makes sure the image exists, pulling it when missing or when the step asks (execution.md §3 pull). */
    void ensure(String stepId, String image, boolean forcePull, int retries, int retryDelaySeconds,
            StepOutput output) throws RuntimeFailure, InterruptedException {
        if (!forcePull && knownImages.contains(image)) {
            return; // saves a round trip per step; a removed image then fails at create (IMAGE_NOT_FOUND)
        }
        boolean present;
        try {
            docker.inspectImageCmd(image).exec();
            present = true;
            knownImages.add(image);
        } catch (NotFoundException e) {
            present = false;
        } catch (RuntimeException e) {
            throw Failures.map(host, "step " + stepId + ": inspecting image " + image, e);
        }
        if (present && !forcePull) {
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        int attempts = 1 + Math.max(0, forcePull ? retries : 0);
        String last = "";
        for (int i = 0; i < attempts; i++) {
            if (i > 0 && retryDelaySeconds > 0) {
                Thread.sleep(retryDelaySeconds * 1000L);
            }
            var pull = docker.pullImageCmd(ref.name()).withTag(ref.tagOrDigest());
            auth.forRegistry(ref.registry()).ifPresent(pull::withAuthConfig);
            var cb = new QuietCallback<PullResponseItem>() {
                volatile String error;

                @Override
                public void onNext(PullResponseItem item) {
                    if (item.getErrorDetail() != null || item.getError() != null) {
                        error = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                    } else if (item.getStatus() != null && item.getProgressDetail() == null) {
                        output.line(StepOutput.Stream.STDOUT,
                                (item.getId() != null ? item.getId() + ": " : "") + item.getStatus());
                    }
                }
            };
            try (cb) {
                pull.exec(cb);
                cb.awaitCompletion();
                if (cb.error == null) {
                    return;
                }
                last = cb.error;
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                if (Failures.isEngineGone(e)) {
                    throw Failures.map(host, "step " + stepId + ": pulling " + image, e);
                }
                last = Failures.daemonMessage(Failures.rootMessage(e));
            } catch (IOException e) {
                last = e.getMessage();
            }
            if (forcePull) {
                output.line(StepOutput.Stream.STDERR, "Error response from daemon: " + last); // as `docker pull` prints it
            }
        }
        Kind kind = Failures.isAuthError(last) ? Kind.AUTH_FAILED : Kind.IMAGE_NOT_FOUND;
        throw new PullFailure(kind, "step " + stepId + ": expected image " + image
                + (present ? " to be pulled" : " locally or from its registry")
                + ", but the pull failed after " + attempts + " attempt(s): " + last, last);
    }

    /** An image that could not be pulled, with the engine's own words for why. */
    static final class PullFailure extends RuntimeFailure {
        private static final long serialVersionUID = 1L;
        final String detail;

        PullFailure(Kind kind, String message, String detail) {
            super(kind, message);
            this.detail = detail;
        }
    }
}
