package dev.streamsmustflow.recovery.workload;

import java.util.List;
import java.util.function.BiFunction;

/** The malformed records a workload mixes in, one per shape of the app's input rules, made for a given key. */
final class MalformedShapes {

    private record Shape(String name, BiFunction<String, Long, String> value) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("not JSON", (symbol, time) -> "{\"symbol\":\"" + symbol + "\",\"priceCents\":"),
            new Shape("JSON that is not an object", (symbol, time) -> "[\"" + symbol + "\", 100, 1]"),
            new Shape("missing symbol", (symbol, time) -> "{\"priceCents\":100,\"quantity\":1,\"eventTime\":" + time + "}"),
            new Shape("blank symbol", (symbol, time) -> trade(" ", "100", "1", time)),
            new Shape("symbol other than the key", (symbol, time) -> trade(symbol + "X", "100", "1", time)),
            new Shape("non-integer price", (symbol, time) -> trade(symbol, "12.5", "1", time)),
            new Shape("zero price", (symbol, time) -> trade(symbol, "0", "1", time)),
            new Shape("negative quantity", (symbol, time) -> trade(symbol, "100", "-3", time)),
            new Shape("price beyond a 64-bit integer", (symbol, time) -> trade(symbol, "9223372036854775808", "1", time)),
            new Shape("negative event time", (symbol, time) -> trade(symbol, "100", "1", -time)),
            new Shape("null value", (symbol, time) -> null));

    private MalformedShapes() {
    }

    static int count() {
        return SHAPES.size();
    }

    /** The malformed record of shape number {@code shape} for a record keyed by {@code symbol}. */
    static MalformedRecord make(int shape, long sequence, String symbol, long eventTime) {
        Shape chosen = SHAPES.get(Math.floorMod(shape, SHAPES.size()));
        return new MalformedRecord(sequence, symbol, chosen.value().apply(symbol, eventTime), chosen.name());
    }

    private static String trade(String symbol, String price, String quantity, long eventTime) {
        return "{\"symbol\":\"" + symbol + "\",\"priceCents\":" + price + ",\"quantity\":" + quantity
                + ",\"eventTime\":" + eventTime + "}";
    }
}
