package dev.streamsmustflow.recovery.platform;

/**
 * A pod as a scenario sees it.
 *
 * @param uid a new pod has a new uid, even under the same name: a replacement is proven by it
 * @param restarts how often its container was restarted in place
 */
public record PodView(String name, String uid, int restarts, boolean running, boolean ready) {
}
