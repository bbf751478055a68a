package dev.streamsmustflow.recovery.platform.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Makes sure images are in the Docker daemon, pulling the missing ones, and gives up on a pull as
 * soon as the registry stays silent for {@code silenceLimit}: Testcontainers' own pull retries for
 * two minutes, while a working pull reports progress every few hundred milliseconds. An official
 * image that is neither present nor pullable may be stood in for by one built offline.
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

    /**
     * Which image stands for each official name, or why the first one that is unavailable is.
     *
     * @param images the image to run for each official name, in order; complete when no problem
     * @param problem why an image is neither present, nor pullable, nor built offline
     */
    record Resolution(Map<String, String> images, Optional<String> problem) {
    }

    /** The official image where present or pullable, else the one built offline, for each image in turn. */
    Resolution resolve(List<NeededImage> needed) {
        Map<String, String> images = new LinkedHashMap<>();
        for (NeededImage image : needed) {
            // The name Testcontainers will use: a configured registry mirror or substitutor applies here too.
            DockerImageName name = ImageNameSubstitutor.instance().apply(DockerImageName.parse(image.official()));
            Optional<String> problem;
            try {
                problem = isPresent(name.asCanonicalNameString()) ? Optional.empty() : pull(name);
                if (problem.isPresent() && image.builtOffline().isPresent()) {
                    String offline = image.builtOffline().get();
                    if (isPresent(offline)) {
                        images.put(image.official(), offline);
                        continue;
                    }
                    problem = Optional.of(problem.get() + ", and " + offline + ", which scripts/offline-images "
                            + "builds in its place, is not there either");
                }
            } catch (RuntimeException e) {
                problem = Optional.of("image " + name.asCanonicalNameString() + " cannot be looked up: "
                        + e.getMessage());
            }
            if (problem.isPresent()) {
                return new Resolution(Map.copyOf(images), problem);
            }
            images.put(image.official(), name.asCanonicalNameString());
        }
        return new Resolution(images, Optional.empty());
    }

    private boolean isPresent(String name) {
        try {
            docker.inspectImageCmd(name).exec();
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
