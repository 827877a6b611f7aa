package com.benefits.etl.write;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * A {@link CompressionCodecFactory} backed by snappy-java, so that parquet-java never reaches for
 * its Hadoop-based codec path (which fails without Hadoop on the classpath).
 *
 * <p>Supports {@link CompressionCodecName#SNAPPY} and {@link CompressionCodecName#UNCOMPRESSED}
 * (a pass-through); any other codec is rejected with an {@link UnsupportedOperationException}.
 * Compressors are not thread-safe, like the ones parquet-java hands out: one writer, one thread.
 */
public final class SnappyCodecFactory implements CompressionCodecFactory {

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    return switch (checkSupported(codecName)) {
      case SNAPPY -> new SnappyCompressor();
      case UNCOMPRESSED -> new PassThroughCompressor();
      default -> throw new AssertionError(codecName);
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    return switch (checkSupported(codecName)) {
      case SNAPPY -> new SnappyDecompressor();
      case UNCOMPRESSED -> new PassThroughDecompressor();
      default -> throw new AssertionError(codecName);
    };
  }

  @Override
  public void release() {
    // Nothing pooled: compressors own only heap buffers.
  }

  private static CompressionCodecName checkSupported(CompressionCodecName codecName) {
    requireNonNull(codecName, "codecName is null");
    if (codecName != CompressionCodecName.SNAPPY
        && codecName != CompressionCodecName.UNCOMPRESSED) {
      throw new UnsupportedOperationException(
          "Compression codec " + codecName + " is not supported; expected SNAPPY or UNCOMPRESSED");
    }
    return codecName;
  }

  /** A byte sink whose buffer is reused across pages, exposed without copying. */
  private static final class ReusableBuffer extends ByteArrayOutputStream {
    ReusableBuffer() {
      super(64 * 1024);
    }

    byte[] array() {
      return buf;
    }
  }

  private static final class SnappyCompressor implements BytesInputCompressor {
    private final ReusableBuffer input = new ReusableBuffer();

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      input.reset();
      bytes.writeAllTo(input);
      int length = input.size();
      // A fresh output array per page (never per row): the returned bytes then stay valid however
      // long parquet-java keeps them, without relying on when it copies them.
      byte[] output = new byte[Snappy.maxCompressedLength(length)];
      int compressedLength = Snappy.compress(input.array(), 0, length, output, 0);
      return BytesInput.from(output, 0, compressedLength);
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.SNAPPY;
    }

    @Override
    public void release() {}
  }

  private static final class PassThroughCompressor implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) {
      return bytes;
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.UNCOMPRESSED;
    }

    @Override
    public void release() {}
  }

  private static final class SnappyDecompressor implements BytesInputDecompressor {
    private final ReusableBuffer input = new ReusableBuffer();

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      input.reset();
      bytes.writeAllTo(input);
      byte[] output = new byte[decompressedSize];
      int length = Snappy.uncompress(input.array(), 0, input.size(), output, 0);
      checkLength(length, decompressedSize);
      return BytesInput.from(output);
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.duplicate().get(compressed);
      byte[] decompressed = new byte[decompressedSize];
      int length = Snappy.uncompress(compressed, 0, compressedSize, decompressed, 0);
      checkLength(length, decompressedSize);
      output.put(decompressed);
    }

    private static void checkLength(int actual, int expected) throws IOException {
      if (actual != expected) {
        throw new IOException(
            "Snappy page decompressed to " + actual + " bytes, expected " + expected);
      }
    }

    @Override
    public void release() {}
  }

  private static final class PassThroughDecompressor implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) {
      return bytes;
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
      ByteBuffer slice = input.duplicate();
      slice.limit(slice.position() + compressedSize);
      output.put(slice);
    }

    @Override
    public void release() {}
  }
}
