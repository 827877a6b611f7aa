package com.benefits.etl.cli.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The decompressors {@code inspect} reads pages with, without Hadoop: parquet-java's own {@code
 * CodecFactory} reaches for Hadoop's codec classes, which are not on the runtime classpath. Reads
 * what the engines write (Snappy, SPEC 3.5), and gzip or uncompressed pages from other writers.
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
      case UNCOMPRESSED -> new Decompressor(codec, (in, size) -> in);
      case SNAPPY -> new Decompressor(codec, ReadCodecs::snappy);
      case GZIP -> new Decompressor(codec, ReadCodecs::gzip);
      default -> throw new UnsupportedCodecException(codec);
    };
  }

  @Override
  public void release() {}

  /** A page compressed with a codec this reader does not have (ZSTD, LZ4, Brotli, LZO). */
  static final class UnsupportedCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedCodecException(CompressionCodecName codec) {
      super(
          "its pages are compressed with "
              + codec
              + "; inspect reads SNAPPY, GZIP and UNCOMPRESSED pages");
    }
  }

  private interface Codec {
    byte[] decompress(byte[] compressed, int uncompressedSize) throws IOException;
  }

  private static byte[] snappy(byte[] compressed, int uncompressedSize) throws IOException {
    if (!Snappy.isValidCompressedBuffer(compressed)
        || Snappy.uncompressedLength(compressed) != uncompressedSize) {
      throw new IOException(
          "a Snappy page does not decompress to the " + uncompressedSize + " bytes it declares");
    }
    return Snappy.uncompress(compressed);
  }

  private static byte[] gzip(byte[] compressed, int uncompressedSize) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] out = in.readNBytes(uncompressedSize);
      if (out.length != uncompressedSize || in.read() != -1) {
        throw new IOException(
            "a gzip page does not decompress to the " + uncompressedSize + " bytes it declares");
      }
      return out;
    }
  }

  private record Decompressor(CompressionCodecName name, Codec codec)
      implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      return BytesInput.from(
          codec.decompress(bytes.toInputStream().readAllBytes(), uncompressedSize));
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.get(compressed);
      output.put(codec.decompress(compressed, uncompressedSize));
    }

    @Override
    public void release() {}
  }
}
