package io.karrier.benchmarks.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one run of the {@link LoadTool} does, parsed from its command line. Every run is bounded:
 * by {@code --duration} always, and by {@code --messages} too when given (whichever comes first).
 * By default it talks to a name server on loopback only.
 *
 * @param mode           produce messages, or drain them with a push consumer
 * @param nameServer     name server address(es), {@code host:port;host:port}
 * @param topic          topic to send to or consume from
 * @param group          producer or consumer group
 * @param threads        sending threads (produce)
 * @param messageBytes   body size (produce)
 * @param sendMode       sync, async or oneway (produce)
 * @param duration       the run ends after this long, at the latest
 * @param messages       the run ends after this many messages (0: by duration alone; required to drain)
 * @param maxInFlight    async sends awaiting their callback, at most
 * @param sendTimeout    the client's send timeout
 * @param topicQueues    create the topic with this many queues on every master first (0: don't)
 * @param fromFirst      drain from each queue's first offset instead of its end
 * @param allowRemote    allow a name server that is not on loopback
 */
public record LoadOptions(Mode mode, String nameServer, String topic, String group, int threads, int messageBytes,
        SendMode sendMode, Duration duration, long messages, int maxInFlight, Duration sendTimeout, int topicQueues,
        boolean fromFirst, boolean allowRemote) {

    /** What the tool does. */
    public enum Mode { PRODUCE, CONSUME }

    /** How the producer sends. */
    public enum SendMode { SYNC, ASYNC, ONEWAY }

    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    static final Duration MAX_DURATION = Duration.ofHours(24);

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: LoadTool produce|consume [options]",
            "  --namesrv host:port[;host:port]  name server (default 127.0.0.1:9876; loopback only unless --allow-remote)",
            "  --topic NAME                     topic (default KarrierLoad)",
            "  --group NAME                     producer/consumer group (default karrier-load)",
            "  --duration 30s|500ms|2m          the run ends after this long at the latest (default 30s)",
            "  --messages N                     ... or after N messages (produce: optional; consume: required)",
            "  --threads N                      produce: sending threads (default 4)",
            "  --size 128|1k|1m                 produce: body bytes (default 128, at most 4m)",
            "  --send sync|async|oneway         produce: send mode (default sync)",
            "  --max-in-flight N                produce async: sends awaiting their callback, at most (default 1024)",
            "  --send-timeout 3s                produce: the client's send timeout (default 3s)",
            "  --create-topic QUEUES            produce: create the topic with QUEUES queues on every master first",
            "  --from first|last                consume: where a new group starts (default first)",
            "  --allow-remote                   allow a name server that is not on loopback");

    private static final Set<String> FLAGS = Set.of("allow-remote", "help");
    private static final Set<String> OPTIONS = Set.of("namesrv", "topic", "group", "duration", "messages", "threads",
            "size", "send", "max-in-flight", "send-timeout", "create-topic", "from");

    /**
     * @throws IllegalArgumentException with a message for the user on any bad argument, and with
     *         {@link #USAGE} for {@code --help}
     */
    public static LoadOptions parse(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            throw new IllegalArgumentException(USAGE);
        }
        Mode mode = switch (args[0]) {
            case "produce" -> Mode.PRODUCE;
            case "consume" -> Mode.CONSUME;
            default -> throw new IllegalArgumentException("first argument must be produce or consume, not " + args[0]);
        };
        Map<String, String> values = keyValues(args);
        if (values.containsKey("help")) {
            throw new IllegalArgumentException(USAGE);
        }
        LoadOptions options = new LoadOptions(mode,
                values.getOrDefault("namesrv", "127.0.0.1:9876"),
                values.getOrDefault("topic", "KarrierLoad"),
                values.getOrDefault("group", "karrier-load"),
                intValue(values, "threads", 4, 1, 1024),
                (int) bytes(values.getOrDefault("size", "128")),
                sendMode(values.getOrDefault("send", "sync")),
                duration(values.getOrDefault("duration", "30s")),
                longValue(values, "messages", 0),
                intValue(values, "max-in-flight", 1024, 1, 1_000_000),
                duration(values.getOrDefault("send-timeout", "3s")),
                intValue(values, "create-topic", 0, 0, 1024),
                switch (values.getOrDefault("from", "first")) {
                    case "first" -> true;
                    case "last" -> false;
                    default -> throw new IllegalArgumentException("--from must be first or last");
                },
                values.containsKey("allow-remote"));
        options.validate();
        return options;
    }

    private void validate() {
        if (messageBytes < 1 || messageBytes > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("--size must be 1 byte to 4 MiB, not " + messageBytes);
        }
        if (duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be over 0 and at most 24h, not " + duration);
        }
        if (mode == Mode.CONSUME && messages <= 0) {
            throw new IllegalArgumentException("consume needs --messages N: how many to drain");
        }
        if (topic.isBlank() || group.isBlank()) {
            throw new IllegalArgumentException("--topic and --group must not be blank");
        }
    }

    /**
     * @throws IllegalArgumentException if a name server is not on a loopback address and remote
     *         ones are not allowed
     */
    public void requireLoopbackUnlessAllowed() {
        if (allowRemote) {
            return;
        }
        for (String address : nameServer.split(";")) {
            String host = address.strip();
            int colon = host.lastIndexOf(':');
            host = colon < 0 ? host : host.substring(0, colon);
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException("name server " + address + " is not on loopback;"
                            + " pass --allow-remote to load a remote broker");
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown name server host " + host);
            }
        }
    }

    private static Map<String, String> keyValues(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected an --option, got " + arg);
            }
            String key = arg.substring(2);
            String value;
            int equals = key.indexOf('=');
            if (equals >= 0) {
                value = key.substring(equals + 1);
                key = key.substring(0, equals);
            } else if (FLAGS.contains(key)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            if (!FLAGS.contains(key) && !OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException("--" + key + " given twice");
            }
        }
        return values;
    }

    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.replaceAll("[smh]$", ""));
            return switch (value.charAt(value.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a duration (30s, 500ms, 2m, 1h): " + text);
        }
    }

    static long bytes(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        try {
            char unit = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
            long multiplier = switch (unit) {
                case 'k' -> 1024L;
                case 'm' -> 1024L * 1024;
                default -> 1L;
            };
            String number = multiplier == 1 ? value : value.substring(0, value.length() - 1);
            return Math.multiplyExact(Long.parseLong(number), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size (128, 1k, 4m): " + text);
        }
    }

    private static int intValue(Map<String, String> values, String key, int defaultValue, int min, int max) {
        long value = longValue(values, key, defaultValue);
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + key + " must be " + min + " to " + max + ", not " + value);
        }
        return (int) value;
    }

    private static long longValue(Map<String, String> values, String key, long defaultValue) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new IllegalArgumentException("--" + key + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a number, not " + text);
        }
    }

    private static SendMode sendMode(String value) {
        try {
            return SendMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--send must be sync, async or oneway, not " + value);
        }
    }
}
