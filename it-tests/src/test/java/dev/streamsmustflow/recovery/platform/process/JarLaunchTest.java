package dev.streamsmustflow.recovery.platform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarLaunchTest {

    @TempDir
    Path dir;

    @Test
    void runsTheMainClassItsManifestNames() throws IOException {
        Path jar = jar("app.jar", "com.example.WordCount");

        JarLaunch launch = JarLaunch.of(jar);

        assertEquals("com.example.WordCount", launch.mainClass());
        assertEquals(jar, launch.jar());
        assertEquals(0, launch.jvmOptions().size());
    }

    @Test
    void aJarWithoutAMainClassOrNoJarAtAllIsSaidInOneLine() throws IOException {
        Path plain = jar("plain.jar", null);

        IllegalArgumentException noMain = assertThrows(IllegalArgumentException.class, () -> JarLaunch.of(plain));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> JarLaunch.of(dir.resolve("missing.jar")));

        assertTrue(noMain.getMessage().contains("names no Main-Class"), noMain.getMessage());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
