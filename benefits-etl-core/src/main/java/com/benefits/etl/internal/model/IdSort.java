package com.benefits.etl.internal.model;

/**
 * Sorts user records by id in UTF-8 byte order (which is Unicode code point order): a most
 * significant digit radix sort, three bytes at a time. Each round loads the next three bytes of
 * every id in a range once into an {@code int} key (so the records, scattered over the heap, are
 * read once a round, not once a comparison), sorts the range by key with a three-way quicksort, and
 * goes on with the next three bytes in each run of equal keys. Ten million random 16-byte ids take
 * a few seconds; ids sharing long prefixes cost a round per three shared bytes.
 */
final class IdSort {
  /** Below this many records a range is sorted by comparing whole ids. */
  private static final int SMALL = 16;

  /** A key's low byte when the id goes on past the key's three bytes. */
  private static final int MORE = 4;

  private IdSort() {}

  /** Sorts {@code handles} (records in {@code chunks}) by id. */
  static void sort(byte[][] chunks, int[] handles) {
    int size = handles.length;
    int[] keys = new int[size];
    int[] stack = new int[3 * 64];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = size;
    stack[top++] = 0;
    while (top > 0) {
      int depth = stack[--top];
      int hi = stack[--top];
      int lo = stack[--top];
      if (hi - lo < SMALL) {
        insertionSort(chunks, handles, lo, hi, depth);
        continue;
      }
      for (int i = lo; i < hi; i++) {
        keys[i] = key(chunks, handles[i], depth);
      }
      quicksort(keys, handles, lo, hi);
      for (int i = lo, j; i < hi; i = j) {
        j = i + 1;
        while (j < hi && keys[j] == keys[i]) {
          j++;
        }
        if (j - i > 1 && (keys[i] & 0xFF) == MORE) {
          if (top + 3 > stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
          }
          stack[top++] = i;
          stack[top++] = j;
          stack[top++] = depth + 3;
        }
      }
    }
  }

  /**
   * The three id bytes from {@code depth} (0 past the end), then how many of them the id has (4:
   * all three and more after), with the sign bit flipped so that signed order is byte order.
   */
  private static int key(byte[][] chunks, int handle, int depth) {
    byte[] chunk = chunks[handle >>> UsersTable.CHUNK_BITS];
    int at = UsersTable.idOffset(handle) + depth;
    int left = UsersTable.idLength(chunk, handle) - depth;
    int key = 0;
    for (int k = 0; k < 3; k++) {
      key = key << 8 | (k < left ? chunk[at + k] & 0xFF : 0);
    }
    return (key << 8 | (left > 3 ? MORE : Math.max(left, 0))) ^ Integer.MIN_VALUE;
  }

  /** Sorts {@code keys[lo, hi)}, moving {@code handles} alike: three-way quicksort. */
  private static void quicksort(int[] keys, int[] handles, int lo, int hi) {
    while (hi - lo > 8) {
      int pivot = median(keys[lo], keys[(lo + hi) >>> 1], keys[hi - 1]);
      int lt = lo;
      int gt = hi - 1;
      int i = lo;
      while (i <= gt) {
        int k = keys[i];
        if (k < pivot) {
          swap(keys, handles, lt++, i++);
        } else if (k > pivot) {
          swap(keys, handles, i, gt--);
        } else {
          i++;
        }
      }
      // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
      if (lt - lo < hi - gt - 1) {
        quicksort(keys, handles, lo, lt);
        lo = gt + 1;
      } else {
        quicksort(keys, handles, gt + 1, hi);
        hi = lt;
      }
    }
    for (int i = lo + 1; i < hi; i++) {
      for (int j = i; j > lo && keys[j - 1] > keys[j]; j--) {
        swap(keys, handles, j - 1, j);
      }
    }
  }

  private static int median(int a, int b, int c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private static void swap(int[] keys, int[] handles, int i, int j) {
    int k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    int h = handles[i];
    handles[i] = handles[j];
    handles[j] = h;
  }

  private static void insertionSort(byte[][] chunks, int[] handles, int lo, int hi, int depth) {
    for (int i = lo + 1; i < hi; i++) {
      for (int j = i; j > lo && compare(chunks, handles[j - 1], handles[j], depth) > 0; j--) {
        int h = handles[j - 1];
        handles[j - 1] = handles[j];
        handles[j] = h;
      }
    }
  }

  /** Compares two ids from byte {@code depth} on (the bytes before it are equal). */
  static int compare(byte[][] chunks, int a, int b, int depth) {
    byte[] ca = chunks[a >>> UsersTable.CHUNK_BITS];
    byte[] cb = chunks[b >>> UsersTable.CHUNK_BITS];
    int la = UsersTable.idLength(ca, a);
    int lb = UsersTable.idLength(cb, b);
    int pa = UsersTable.idOffset(a);
    int pb = UsersTable.idOffset(b);
    return java.util.Arrays.compareUnsigned(
        ca, pa + Math.min(depth, la), pa + la, cb, pb + Math.min(depth, lb), pb + lb);
  }
}
