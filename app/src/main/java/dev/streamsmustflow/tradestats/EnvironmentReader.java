package dev.streamsmustflow.tradestats;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads typed settings from environment variables. A variable that is set must hold a valid value:
 * an empty or unparsable one is an error, never silently replaced by the default.
 */
final class EnvironmentReader {

    private final Map<String, String> env;

    EnvironmentReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    boolean isSet(String name) {
        return env.containsKey(name);
    }

    String required(String name, String whatItIs) {
        if (!env.containsKey(name)) {
            throw new InvalidSettingException(name, "required but not set (" + whatItIs + ")");
        }
        return text(name, null);
    }

    String text(String name, String fallback) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new InvalidSettingException(name, "is set but empty");
        }
        return value.trim();
    }

    int integer(String name, int fallback, int min, int max) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw new InvalidSettingException(name, "must be an integer from " + min + " to " + max + ", was '" + value + "'");
    }

    Duration millis(String name, Duration fallback, Duration min) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min.toMillis()) {
                return Duration.ofMillis(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below, with the lower bound
        }
        throw new InvalidSettingException(name,
                "must be a whole number of milliseconds, at least " + min.toMillis() + ", was '" + value + "'");
    }

    boolean bool(String name, boolean fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(name, "must be true or false, was '" + value + "'");
        };
    }

    String choice(String name, String fallback, List<String> allowed) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw new InvalidSettingException(name,
                    "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
        }
        return value;
    }
}
