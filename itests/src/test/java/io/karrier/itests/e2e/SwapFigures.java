package io.karrier.itests.e2e;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one hot-swap scenario cost the clients, measured over its window: from just before its
 * console commands to a while after sends were acknowledged again.
 *
 * @param scenario what was done
 * @param windowMillis how long the window lasted
 * @param acknowledged sends acknowledged within the window
 * @param maxGapMillis the longest time between two consecutive acknowledgements in the window
 * @param failures failed sends by kind (see {@link ContinuousSends})
 * @param consumed deliveries, redeliveries, messages stored twice and corrupt records seen
 * @param lost acknowledged messages the group had still not received after the bounded wait
 * @param noFlushStrategyLines log lines saying the store was left without a flush strategy
 */
record SwapFigures(String scenario, long windowMillis, long acknowledged, long maxGapMillis, Map<String, Long> failures,
        ConsumedLedger.Counts consumed, List<Integer> lost, List<String> noFlushStrategyLines) {

    long retriableFailures() {
        return failures.entrySet().stream().filter(entry -> ContinuousSends.isRetriable(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    long otherFailures() {
        return failures.values().stream().mapToLong(Long::longValue).sum() - retriableFailures();
    }

    private static final String ROW = "| %-44s | %8s | %7s | %10s | %9s | %9s | %11s | %12s | %4s | %7s |%n";

    /** @return the figures as a Markdown table, then the failure kinds of each scenario that had any */
    static String table(List<SwapFigures> all) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(ROW, "scenario", "window s", "acks", "max gap ms", "retriable", "other", "redelivered",
                "stored twice", "lost", "corrupt"));
        table.append(String.format(ROW, "---", "---", "---", "---", "---", "---", "---", "---", "---", "---"));
        for (SwapFigures figures : all) {
            table.append(String.format(ROW, figures.scenario, String.format("%.1f", figures.windowMillis / 1000.0),
                    figures.acknowledged, figures.maxGapMillis, figures.retriableFailures(), figures.otherFailures(),
                    figures.consumed.redelivered(), figures.consumed.storedTwice(), figures.lost.size(),
                    figures.consumed.corrupt()));
        }
        for (SwapFigures figures : all) {
            if (!figures.failures.isEmpty()) {
                table.append(figures.scenario).append(": ").append(figures.failures.entrySet().stream()
                        .map(entry -> entry.getValue() + " x " + entry.getKey()).collect(Collectors.joining("; ")))
                        .append('\n');
            }
        }
        return table.toString();
    }
}
