package io.karrier.namesrv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.util.converter.Converters;

class KvConfigStoreTest {

    @TempDir
    Path dir;

    private final List<KvConfigStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() throws InterruptedException {
        for (KvConfigStore store : opened) {
            store.deactivate();
        }
    }

    private KvConfigStore open(Path file) throws Exception {
        KvConfigStore store = new KvConfigStore(file);
        opened.add(store);
        return store;
    }

    private static void await(CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void livesUnderKarafDataUnlessConfiguredElsewhere() throws Exception {
        BundleContext karaf = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> "getProperty".equals(method.getName()) && "karaf.data".equals(args[0])
                        ? dir.toString() : null);
        KvConfigStore byDefault = new KvConfigStore(config(Map.of()), karaf);
        opened.add(byDefault);
        KvConfigStore configured = new KvConfigStore(config(Map.of("kvConfigPath",
                dir.resolve("elsewhere.json").toString())), karaf);
        opened.add(configured);

        await(byDefault.put("ns", "k", "v"));
        await(configured.put("ns", "k", "v"));

        assertThat(dir.resolve("karrier/namesrv/kvConfig.json")).exists();
        assertThat(dir.resolve("elsewhere.json")).exists();
    }

    private static NameServerConfig config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(NameServerConfig.class);
    }

    @Test
    void keepsValuesAcrossARestartInRocketMqsFileFormat() throws Exception {
        Path file = dir.resolve("namesrv/kvConfig.json");
        KvConfigStore store = open(file);
        await(store.put(KvConfigStore.ORDER_TOPIC_CONFIG, "OrderTopic", "broker-a:4;broker-b:4"));
        await(store.put("ns", "k", "v"));

        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isIn(
                "{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"OrderTopic\":\"broker-a:4;broker-b:4\"},\"ns\":{\"k\":\"v\"}}}",
                "{\"configTable\":{\"ns\":{\"k\":\"v\"},\"ORDER_TOPIC_CONFIG\":{\"OrderTopic\":\"broker-a:4;broker-b:4\"}}}");
        assertThat(Files.list(file.getParent())).containsExactly(file);

        KvConfigStore reopened = open(file);
        assertThat(reopened.get(KvConfigStore.ORDER_TOPIC_CONFIG, "OrderTopic")).isEqualTo("broker-a:4;broker-b:4");
        assertThat(reopened.namespace("ns")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void deletesAndKeepsTheEmptiedNamespaceAsRocketMqDoes() throws Exception {
        Path file = dir.resolve("kvConfig.json");
        KvConfigStore store = open(file);
        await(store.put("ns", "k", "v"));
        await(store.delete("ns", "k"));
        await(store.delete("ns", "never-there"));

        assertThat(store.get("ns", "k")).isNull();
        assertThat(store.namespace("ns")).isEmpty();
        assertThat(store.namespace("other")).isNull();
        assertThat(open(file).namespace("ns")).isEmpty();
    }

    @Test
    void manyConcurrentChangesAllReachTheFile() throws Exception {
        Path file = dir.resolve("kvConfig.json");
        KvConfigStore store = open(file);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(store.put("ns", "k" + i, "v" + i).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(open(file).namespace("ns")).hasSize(200).containsEntry("k199", "v199");
    }

    @Test
    void movesAnUnreadableFileAsideInsteadOfOverwritingIt() throws Exception {
        Path file = dir.resolve("kvConfig.json");
        Files.writeString(file, "{\"configTable\":{\"ns\":");

        KvConfigStore store = open(file);

        assertThat(store.namespace("ns")).isNull();
        assertThat(Files.exists(file)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                    .startsWith("kvConfig.json.corrupt-");
        }
    }

    @Test
    void aFailedWriteFailsTheChangesStage() throws Exception {
        Path blocked = dir.resolve("namesrv");
        KvConfigStore store = open(blocked.resolve("kvConfig.json"));
        Files.writeString(blocked, "a file where the directory should be");

        assertThatThrownBy(() -> await(store.put("ns", "k", "v"))).isInstanceOf(ExecutionException.class);
        assertThat(store.get("ns", "k")).as("served from memory even so").isEqualTo("v");
    }
}
