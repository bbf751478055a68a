package dev.streamsmustflow.recovery.platform.process;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent that can be SIGKILLed by a test: it launches {@link BlockForeverMain} as its own child,
 * reports the child's pid and then blocks. Argument: the child's log file.
 */
public final class LaunchBlockedChildMain {

    static final String CHILD_PID_PREFIX = "child pid=";

    private LaunchBlockedChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ChildJvm child =
                ChildJvm.launch(
                        "blocked-grandchild",
                        List.of(),
                        BlockForeverMain.class.getName(),
                        List.of(),
                        Path.of(args[0]));
        System.out.println(CHILD_PID_PREFIX + child.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
