package io.multistep.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeFailure.Kind;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import io.multistep.spec.PushStep;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A push step (execution.md §5): each image in turn, 3 attempts with 250 ms × 2^k pauses. */
final class ImagePusher {
    private static final Pattern DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");
    static final int ATTEMPTS = 3;

    private final DockerClient docker;
    private final RegistryAuth auth;
    private final String host;

    ImagePusher(DockerClient docker, RegistryAuth auth, String host) {
        this.docker = docker;
        this.auth = auth;
        this.host = host;
    }

    StepOutcome push(PushStep step, Instant deadline, StepOutput output) throws RuntimeFailure, InterruptedException {
        List<ImageRecord> pushed = new ArrayList<>();
        for (String image : step.images()) {
            pushed.add(pushOne(step.id(), image, deadline, output));
        }
        return new StepOutcome(0, Optional.empty(), pushed, List.of());
    }

    private ImageRecord pushOne(String stepId, String image, Instant deadline, StepOutput output)
            throws RuntimeFailure, InterruptedException {
        ImageRef ref = ImageRef.parse(image);
        String last = "";
        boolean authFailure = false;
        boolean missing = false;
        for (int k = 0; k < ATTEMPTS; k++) {
            if (k > 0) {
                long pause = Math.min(5000, 250L << (k - 1));
                if (Instant.now().plusMillis(pause).isAfter(deadline)) {
                    break;
                }
                Thread.sleep(pause);
            }
            var cmd = docker.pushImageCmd(ref.name()).withTag(ref.tagOrDigest());
            auth.forRegistry(ref.registry()).ifPresent(cmd::withAuthConfig);
            var cb = new QuietCallback<PushResponseItem>() {
                volatile String digest = "";
                volatile String error;

                @Override
                public void onNext(PushResponseItem item) {
                    if (item.getErrorDetail() != null || item.getError() != null) {
                        error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                                ? item.getErrorDetail().getMessage() : item.getError();
                        return;
                    }
                    if (item.getAux() != null && item.getAux().getDigest() != null) {
                        digest = item.getAux().getDigest();
                    }
                    String status = item.getStatus();
                    if (status != null && item.getProgressDetail() == null) {
                        Matcher m = DIGEST.matcher(status);
                        if (m.find()) {
                            digest = m.group(1);
                        }
                        output.line(StepOutput.Stream.STDOUT, (item.getId() != null ? item.getId() + ": " : "") + status);
                    }
                }
            };
            try (cb) {
                cmd.exec(cb);
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (!cb.awaitCompletion(Math.max(1, remaining), TimeUnit.MILLISECONDS)) {
                    throw new RuntimeFailure(Kind.TIMED_OUT, "step " + stepId + ": pushing " + image
                            + " did not finish before the step's deadline");
                }
                if (cb.error == null) {
                    return new ImageRecord(image, cb.digest, true);
                }
                last = cb.error;
            } catch (NotFoundException e) {
                // What `docker push` says; the reference tries it three times like any failed push.
                missing = true;
                last = "An image does not exist locally with the tag: " + ref.name();
            } catch (RuntimeException e) {
                if (Failures.isEngineGone(e)) {
                    throw Failures.map(host, "step " + stepId + ": pushing " + image, e);
                }
                last = Failures.daemonMessage(Failures.rootMessage(e));
            } catch (IOException e) {
                last = e.getMessage();
            }
            authFailure = Failures.isAuthError(last);
            missing |= last.contains("does not exist locally"); // the engine streams this as the push's error
            output.line(StepOutput.Stream.STDERR, "push of " + image + " failed (attempt " + (k + 1) + "/" + ATTEMPTS
                    + "): " + last);
        }
        if (Instant.now().isAfter(deadline)) {
            throw new RuntimeFailure(Kind.TIMED_OUT, "step " + stepId + ": pushing " + image + " timed out: " + last);
        }
        // The reference's words (execution.md §5); each attempt's error is in the step's output above.
        throw new RuntimeFailure(missing ? Kind.IMAGE_NOT_FOUND : authFailure ? Kind.AUTH_FAILED : Kind.PUSH_FAILED,
                "failed to push images successfully");
    }
}
