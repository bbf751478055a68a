package dev.streamsmustflow.recovery.platform.container;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.testcontainers.utility.DockerImageName;

/** The app's image as {@code scripts/offline-images} (Jib) tags it in the local engine: what the docker and k3s platforms run. */
public final class AppImage {

    /** {@code streams-must-flow/trade-stats:<project version>}, written into a resource by the build. */
    public static final String NAME = read();
    public static final NeededImage NEEDED = NeededImage.official(NAME);
    /** The project's version, the image's tag: what the app's pods report, from the jar or from the image alike. */
    public static final String APP_VERSION = DockerImageName.parse(NAME).getVersionPart();

    private AppImage() {
    }

    private static String read() {
        try (InputStream in = AppImage.class.getResourceAsStream("app-image.properties")) {
            if (in == null) {
                throw new IllegalStateException("app-image.properties, written by the build, is missing: rebuild it-tests");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("image");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read app-image.properties", e);
        }
    }
}
