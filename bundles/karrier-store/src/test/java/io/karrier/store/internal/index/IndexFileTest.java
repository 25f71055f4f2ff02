package io.karrier.store.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private IndexFile open(int slots, int max) throws IOException {
        return IndexFile.open(dir.resolve("index"), slots, max);
    }

    @Test
    void manyKeysInFewSlotsAnswerEveryCandidateWithTheKeysHash() throws Exception {
        Map<Integer, List<Long>> offsetsByHash = new HashMap<>();
        try (IndexFile file = open(7, 1_000)) {
            for (int i = 0; i < 900; i++) {
                String key = "T#k" + (i % 300);
                long offset = 100L * i;
                assertThat(file.put(key, offset, T0 + i)).isTrue();
                offsetsByHash.computeIfAbsent(IndexKey.hash(key), h -> new ArrayList<>()).add(0, offset);
            }
            assertThat(file.entryCount()).isEqualTo(900);
            assertThat(file.usedSlotCount()).isEqualTo(7);
            for (int k = 0; k < 300; k++) {
                String key = "T#k" + k;
                List<Long> found = file.lookup(key, 0, Long.MAX_VALUE, Integer.MAX_VALUE);
                assertThat(found).as(key).containsExactlyElementsOf(offsetsByHash.get(IndexKey.hash(key)))
                        .contains(100L * k, 100L * (k + 300), 100L * (k + 600));
            }
            assertThat(file.lookup("T#absent", 0, Long.MAX_VALUE, 10)).isEmpty();
        }
    }

    @Test
    void timeRangeKeepsEntriesWhoseSecondOverlapsIt() throws Exception {
        try (IndexFile file = open(11, 100)) {
            file.put("T#k", 1, T0);
            file.put("T#k", 2, T0 + 5_000);
            file.put("T#k", 3, T0 + 10_500); // kept as second 10
            assertThat(file.lookup("T#k", T0 + 5_000, T0 + 5_999, 10)).containsExactly(2L);
            assertThat(file.lookup("T#k", T0 + 1_000, T0 + 4_999, 10)).isEmpty();
            assertThat(file.lookup("T#k", T0, T0 + 10_000, 10)).containsExactly(3L, 2L, 1L);
            assertThat(file.lookup("T#k", T0 + 10_700, Long.MAX_VALUE, 10)).containsExactly(3L);
            assertThat(file.lookup("T#k", T0 + 11_000, Long.MAX_VALUE, 10)).isEmpty();
            assertThat(file.lookup("T#k", T0 + 5, T0, 10)).as("empty range").isEmpty();
        }
    }

    @Test
    void maxCountKeepsTheNewest() throws Exception {
        try (IndexFile file = open(3, 100)) {
            for (int i = 0; i < 10; i++) {
                file.put("T#k", i, T0 + i * 1_000L);
            }
            assertThat(file.lookup("T#k", 0, Long.MAX_VALUE, 3)).containsExactly(9L, 8L, 7L);
            assertThat(file.lookup("T#k", 0, Long.MAX_VALUE, 0)).isEmpty();
        }
    }

    @Test
    void refusesEntriesWhenFullAndEntryZeroStaysUnused() throws Exception {
        try (IndexFile file = open(3, 5)) {
            for (int i = 1; i <= 4; i++) {
                assertThat(file.put("T#k" + i, i, T0)).isTrue();
            }
            assertThat(file.isFull()).isTrue();
            assertThat(file.put("T#k5", 5, T0)).isFalse();
            assertThat(file.entryCount()).isEqualTo(4);
            assertThat(file.endPhyOffset()).isEqualTo(4);
        }
    }

    @Test
    void reopenedFileGivesTheSameAnswers() throws Exception {
        List<List<Long>> before = new ArrayList<>();
        try (IndexFile file = open(5, 200)) {
            for (int i = 0; i < 150; i++) {
                file.put("T#k" + (i % 40), 10L * i, T0 + 100L * i);
            }
            for (int k = 0; k < 40; k++) {
                before.add(file.lookup("T#k" + k, T0 + 2_000, T0 + 9_000, 100));
            }
        }
        try (IndexFile file = open(5, 200)) {
            assertThat(file.entryCount()).isEqualTo(150);
            assertThat(file.beginTimestamp()).isEqualTo(T0);
            assertThat(file.endTimestamp()).isEqualTo(T0 + 14_900);
            assertThat(file.beginPhyOffset()).isZero();
            assertThat(file.endPhyOffset()).isEqualTo(1_490);
            assertThat(file.usedSlotCount()).isEqualTo(5);
            for (int k = 0; k < 40; k++) {
                assertThat(file.lookup("T#k" + k, T0 + 2_000, T0 + 9_000, 100)).isEqualTo(before.get(k));
            }
            assertThat(before.get(3)).isNotEmpty();
        }
    }

    @Test
    void reAddingIndexedOffsetsIsSkipped() throws Exception {
        try (IndexFile file = open(5, 100)) {
            for (long offset = 100; offset < 110; offset++) {
                file.put("T#k" + offset, offset, T0);
                file.put("T#shared", offset, T0);
            }
            assertThat(file.entryCount()).isEqualTo(20);
            for (long offset = 100; offset < 110; offset++) {
                assertThat(file.put("T#k" + offset, offset, T0)).isTrue();
                assertThat(file.put("T#shared", offset, T0)).isTrue();
            }
            assertThat(file.entryCount()).isEqualTo(20);
            assertThat(file.lookup("T#shared", 0, Long.MAX_VALUE, 100)).hasSize(10).doesNotHaveDuplicates();
            // another key of the last record (same offset) is still added, once
            assertThat(file.put("T#late", 109, T0)).isTrue();
            assertThat(file.put("T#late", 109, T0)).isTrue();
            assertThat(file.entryCount()).isEqualTo(21);
            assertThat(file.lookup("T#late", 0, Long.MAX_VALUE, 10)).containsExactly(109L);
        }
    }

    @Test
    void refusesAFileOfAnotherGeometry() throws Exception {
        open(5, 10).close();
        assertThatThrownBy(() -> open(6, 10)).isInstanceOf(IOException.class).hasMessageContaining("other index settings");
    }

    @Test
    void aClosedFileAnswersNothingAndRefusesWrites() throws Exception {
        IndexFile file = open(5, 10);
        file.put("T#k", 1, T0);
        file.close();
        file.close();
        assertThat(file.lookup("T#k", 0, Long.MAX_VALUE, 10)).isEmpty();
        file.flush();
        assertThatThrownBy(() -> file.put("T#k", 2, T0)).isInstanceOf(IllegalStateException.class);
    }
}
