package com.benefits.etl.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The store of a row group's compressed pages: every page intact, blocks reused. */
class PageStoreTest {
  private final SnappyCompressor snappy = new SnappyCompressor();
  private final PageStore store = new PageStore();
  private final Random random = new Random(7);

  @Test
  void everyPageOfARowGroupDecompressesToItsInputAcrossManyBlocks() {
    List<byte[]> inputs = new ArrayList<>();
    List<PageStore.Page> pages = new ArrayList<>();
    long stored = 0;
    while (stored < 3L * PageStore.BLOCK_BYTES) {
      byte[] input = input(random.nextInt(300_000), random.nextBoolean());
      inputs.add(input);
      PageStore.Page page = store.compress(input, input.length);
      pages.add(page);
      stored += page.length();
    }

    assertThat(blocksOf(pages)).hasSizeGreaterThan(3);
    for (int i = 0; i < pages.size(); i++) {
      assertThat(decompress(pages.get(i), inputs.get(i).length)).isEqualTo(inputs.get(i));
    }
  }

  @Test
  void aPageIsCompressedFromTheFirstBytesOfItsBufferOnly() {
    byte[] buffer = input(10_000, true);
    PageStore.Page page = store.compress(buffer, 4_000);

    assertThat(decompress(page, 4_000)).isEqualTo(Arrays.copyOf(buffer, 4_000));
  }

  @Test
  void theNextRowGroupReusesTheBlocksAndASmallTableTakesASmallBlock() {
    List<PageStore.Page> first = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] input = input(200_000, false);
      first.add(store.compress(input, input.length));
    }
    assertThat(first.get(0).block().length).isLessThanOrEqualTo(256 << 10);
    Set<byte[]> blocks = blocksOf(first);
    store.clear();

    List<PageStore.Page> second = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] input = input(200_000, false);
      second.add(store.compress(input, input.length));
    }
    assertThat(blocks).containsAll(blocksOf(second));
  }

  @Test
  void aPageThatShrinksGoesIntoTheBlocksLastBytesThoughItsBoundDoesNotFit() {
    byte[] random = input(40_000, false); // in a first block of 64 KiB
    PageStore.Page first = store.compress(random, random.length);
    int left = first.block().length - first.offset() - first.length();
    byte[] text = new byte[100_000];
    Arrays.fill(text, (byte) 'a');
    assertThat(snappy.maxCompressedLength(text.length)).isGreaterThan(left);

    PageStore.Page second = store.compress(text, text.length);

    assertThat(second.block()).isSameAs(first.block());
    assertThat(second.offset()).isEqualTo(first.offset() + first.length());
    assertThat(decompress(second, text.length)).isEqualTo(text);
    assertThat(decompress(first, random.length)).isEqualTo(random);
  }

  @Test
  void aPageLargerThanABlockHasABlockOfItsOwnThatIsNotKept() {
    byte[] huge = input(PageStore.BLOCK_BYTES + 1, false);
    PageStore.Page page = store.compress(huge, huge.length);
    assertThat(page.block().length).isGreaterThan(PageStore.BLOCK_BYTES);
    assertThat(decompress(page, huge.length)).isEqualTo(huge);
    store.clear();

    byte[] small = input(1_000, true);
    assertThat(store.compress(small, small.length).block()).isNotSameAs(page.block());
  }

  /** Random bytes, or text-like bytes that Snappy shrinks. */
  private byte[] input(int length, boolean compressible) {
    byte[] b = new byte[length];
    if (compressible) {
      for (int i = 0; i < length; i++) {
        b[i] = (byte) ('a' + random.nextInt(4));
      }
    } else {
      random.nextBytes(b);
    }
    return b;
  }

  private static byte[] decompress(PageStore.Page page, int length) {
    byte[] out = new byte[length];
    int n =
        new SnappyDecompressor()
            .decompress(page.block(), page.offset(), page.length(), out, 0, length);
    assertThat(n).isEqualTo(length);
    return out;
  }

  private static Set<byte[]> blocksOf(List<PageStore.Page> pages) {
    Set<byte[]> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
    pages.forEach(p -> blocks.add(p.block()));
    return blocks;
  }
}
