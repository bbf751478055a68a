package dev.streamsmustflow.recovery.platform.process;

import java.util.concurrent.CountDownLatch;

/** A program that never ends by itself: only its watchdog or a signal can stop it. */
public final class BlockForeverMain {

    static final String STARTED = "blocking until stopped";

    private BlockForeverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(STARTED);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
