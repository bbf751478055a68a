package dev.streamsmustflow.recovery.platform.k3s;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Makes sure images are in the Docker daemon, pulling the missing ones, and gives up on a pull as
 * soon as the registry stays silent for {@code silenceLimit}: Testcontainers' own pull retries for
 * two minutes, while a working pull reports progress every few hundred milliseconds.
 */
final class LocalImages {

    private final DockerClient docker;
    private final Duration silenceLimit;

    LocalImages(DockerClient docker, Duration silenceLimit) {
        if (silenceLimit.isNegative() || silenceLimit.isZero()) {
            throw new IllegalArgumentException("the pull timeout must be positive, was " + silenceLimit);
        }
        this.docker = docker;
        this.silenceLimit = silenceLimit;
    }

    /** Why the first image that is neither present nor pullable is unavailable; empty when all are here. */
    Optional<String> firstUnavailable(List<String> images) {
        for (String image : images) {
            // The name Testcontainers will use: a configured registry mirror or substitutor applies here too.
            DockerImageName name = ImageNameSubstitutor.instance().apply(DockerImageName.parse(image));
            Optional<String> problem;
            try {
                problem = isPresent(name) ? Optional.empty() : pull(name);
            } catch (RuntimeException e) {
                problem = Optional.of("image " + name.asCanonicalNameString() + " cannot be looked up: "
                        + e.getMessage());
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private boolean isPresent(DockerImageName name) {
        try {
            docker.inspectImageCmd(name.asCanonicalNameString()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Optional<String> pull(DockerImageName name) {
        String cannot = "image " + name.asCanonicalNameString() + " cannot be pulled";
        WatchedPull pull = docker.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart())
                .exec(new WatchedPull());
        try {
            if (!pull.awaitEndOrSilence(silenceLimit)) {
                pull.close();
                return Optional.of(cannot + ": no answer from its registry within " + silenceLimit.toSeconds() + " s");
            }
            if (pull.failure != null) {
                return Optional.of(cannot + ": " + String.valueOf(pull.failure.getMessage()).strip());
            }
            pull.awaitCompletion(); // throws when the daemon reported the pull as failed
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(cannot + ": interrupted");
        } catch (IOException | RuntimeException e) {
            return Optional.of(cannot + ": " + String.valueOf(e.getMessage()).strip());
        }
    }

    /** A pull that remembers when the daemon last reported anything about it. */
    private static final class WatchedPull extends PullImageResultCallback {

        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile long lastHeardNanos = System.nanoTime();
        private volatile Throwable failure;

        // Kept for the reason instead of docker-java's logging it with a stack trace as an ERROR.
        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            try {
                close();
            } catch (IOException e) {
                throwable.addSuppressed(e);
            }
        }

        @Override
        public void onNext(PullResponseItem item) {
            lastHeardNanos = System.nanoTime();
            super.onNext(item);
        }

        // Success, failure and abort all end in close(); awaitCompletion(timeout) would close it early.
        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                ended.countDown();
            }
        }

        boolean awaitEndOrSilence(Duration silenceLimit) throws InterruptedException {
            while (true) {
                long silentUntil = lastHeardNanos + silenceLimit.toNanos();
                long left = silentUntil - System.nanoTime();
                if (left <= 0) {
                    return ended.getCount() == 0;
                }
                if (ended.await(left, TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
        }
    }
}
