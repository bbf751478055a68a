package dev.streamsmustflow.recovery.platform.container;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's image as {@code scripts/offline-images} (Jib) tags it in the local engine: what the docker and k3s platforms run. */
public final class AppImage {

    private static final Properties BUILT = read();

    /** {@code streams-must-flow/trade-stats:<project version>}, written into a resource by the build. */
    public static final String NAME = BUILT.getProperty("image");
    public static final NeededImage NEEDED = NeededImage.official(NAME);
    /** The project's version: what the app's pods report, from the jar or from the image alike. */
    public static final String APP_VERSION = BUILT.getProperty("version");

    private AppImage() {
    }

    private static Properties read() {
        try (InputStream in = AppImage.class.getResourceAsStream("app-image.properties")) {
            if (in == null) {
                throw new IllegalStateException("app-image.properties, written by the build, is missing: rebuild it-tests");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read app-image.properties", e);
        }
    }
}
