package io.multistep.docker.internal;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;

/**
 * A streaming callback that keeps a failed call's error for {@code awaitCompletion} to throw, as
 * docker-java's does, without logging it at ERROR level first: the runtime reports every failure
 * itself (an image that cannot be pulled is an ordinary failed step), and a library must not fill
 * its embedder's logs with errors it handles.
 *
 * @param <T> the streamed item
 */
class QuietCallback<T> extends ResultCallback.Adapter<T> {
    private volatile Throwable error;

    @Override
    public void onError(Throwable throwable) {
        if (error == null) {
            error = throwable;
        }
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // the failed stream is gone either way
        }
    }

    /** The error the call ended with, if any. */
    Throwable error() {
        return error;
    }

    @Override
    protected void throwFirstError() {
        Throwable e = error;
        if (e instanceof Error err) {
            throw err;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e != null) {
            throw new RuntimeException(e);
        }
    }
}
