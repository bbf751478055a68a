package dev.streamsmustflow.recovery.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** What the engine unpacks into a pod's volume: one directory, the pod user's alone. */
class OwnedStateDirectoryTest {

    @Test
    void theArchiveHoldsOneDirectoryOwnedByThePodsUserAndReadableByItAlone() throws IOException {
        byte[] tar = new OwnedStateDirectory("streams-state").tar(10001, 10002);

        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry = in.getNextEntry();
            assertEquals("streams-state/", entry.getName());
            assertTrue(entry.isDirectory());
            assertEquals(10001, entry.getLongUserId());
            assertEquals(10002, entry.getLongGroupId());
            assertEquals(0700, entry.getMode() & 0777);
            assertNull(in.getNextEntry(), "nothing else");
        }
    }
}
