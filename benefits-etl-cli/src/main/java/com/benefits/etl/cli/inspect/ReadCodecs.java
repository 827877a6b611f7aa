package com.benefits.etl.cli.inspect;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The decompressors {@code inspect} reads pages with, without Hadoop: parquet-java's own {@code
 * CodecFactory} reaches for Hadoop's codec classes, which are not on the runtime classpath. Snappy
 * (what the engines write, docs/spec.md 3.5), ZSTD and LZ4_RAW come from aircompressor, pure Java
 * like the writer's Snappy; gzip from the JDK. A page that does not decompress to the size its
 * header declares is an {@link IOException}.
 */
final class ReadCodecs implements CompressionCodecFactory {
  static final ReadCodecs INSTANCE = new ReadCodecs();

  private ReadCodecs() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    throw new UnsupportedOperationException("inspect only reads Parquet");
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> new Pages(codec, ReadCodecs::uncompressed);
      case SNAPPY -> new Pages(codec, block(SnappyDecompressor::new));
      case ZSTD -> new Pages(codec, block(ZstdDecompressor::new));
      case LZ4_RAW -> new Pages(codec, block(Lz4Decompressor::new));
      case GZIP -> new Pages(codec, ReadCodecs::gzip);
      default -> throw new UnsupportedCodecException(codec);
    };
  }

  @Override
  public void release() {}

  /** A page compressed with a codec this reader does not have (LZO, Brotli, Hadoop's LZ4). */
  static final class UnsupportedCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedCodecException(CompressionCodecName codec) {
      super(
          "its pages are compressed with "
              + codec
              + "; inspect reads SNAPPY, ZSTD, LZ4_RAW, GZIP and UNCOMPRESSED pages");
    }
  }

  /** Decompresses one page into exactly {@code size} bytes. */
  private interface Codec {
    byte[] decompress(byte[] compressed, int size) throws IOException;
  }

  private static byte[] uncompressed(byte[] page, int size) throws IOException {
    if (page.length != size) {
      throw new IOException(
          "an uncompressed page of " + page.length + " bytes declares " + size + " bytes");
    }
    return page;
  }

  private static Codec block(Supplier<Decompressor> decompressors) {
    return (compressed, size) -> {
      byte[] out = new byte[size];
      int written =
          decompressors.get().decompress(compressed, 0, compressed.length, out, 0, out.length);
      if (written != size) {
        throw new IOException(
            "a page decompresses to " + written + " bytes, not the " + size + " it declares");
      }
      return out;
    };
  }

  private static byte[] gzip(byte[] compressed, int size) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] out = in.readNBytes(size);
      if (out.length != size || in.read() != -1) {
        throw new IOException(
            "a gzip page does not decompress to the " + size + " bytes it declares");
      }
      return out;
    }
  }

  private record Pages(CompressionCodecName name, Codec codec) implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      checkSize(uncompressedSize);
      return BytesInput.from(
          codec.decompress(bytes.toInputStream().readAllBytes(), uncompressedSize));
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      checkSize(uncompressedSize);
      byte[] compressed = new byte[compressedSize];
      input.get(compressed);
      output.put(codec.decompress(compressed, uncompressedSize));
    }

    @Override
    public void release() {}

    /** A damaged page header may declare any size: only one that fits in memory is allocated. */
    private static void checkSize(int size) throws IOException {
      if (size < 0 || size > Runtime.getRuntime().maxMemory() / 4) {
        throw new IOException("a page header declares " + size + " bytes");
      }
    }
  }
}
