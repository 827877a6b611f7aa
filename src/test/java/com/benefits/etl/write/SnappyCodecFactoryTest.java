package com.benefits.etl.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.Snappy;

class SnappyCodecFactoryTest {

  private final SnappyCodecFactory factory = new SnappyCodecFactory();

  @Test
  void snappyCompressesToStandardSnappyAndBack() throws IOException {
    byte[] page = "benefits ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    BytesInputCompressor compressor = factory.getCompressor(CompressionCodecName.SNAPPY);

    byte[] compressed = bytes(compressor.compress(BytesInput.from(page)));

    assertThat(compressor.getCodecName()).isEqualTo(CompressionCodecName.SNAPPY);
    assertThat(compressed.length).isLessThan(page.length / 10);
    assertThat(Snappy.uncompress(compressed)).isEqualTo(page);
    BytesInputDecompressor decompressor = factory.getDecompressor(CompressionCodecName.SNAPPY);
    assertThat(bytes(decompressor.decompress(BytesInput.from(compressed), page.length)))
        .isEqualTo(page);
    ByteBuffer output = ByteBuffer.allocate(page.length);
    decompressor.decompress(ByteBuffer.wrap(compressed), compressed.length, output, page.length);
    assertThat(output.array()).isEqualTo(page);
  }

  @Test
  void aCompressedPageSurvivesTheNextCompression() throws IOException {
    BytesInputCompressor compressor = factory.getCompressor(CompressionCodecName.SNAPPY);
    byte[] first = "first page".getBytes(StandardCharsets.UTF_8);

    BytesInput compressed = compressor.compress(BytesInput.from(first));
    compressor.compress(BytesInput.from("second, longer page".repeat(100).getBytes(
        StandardCharsets.UTF_8)));

    assertThat(Snappy.uncompress(bytes(compressed))).isEqualTo(first);
  }

  @Test
  void emptyInputRoundTrips() throws IOException {
    byte[] compressed =
        bytes(factory.getCompressor(CompressionCodecName.SNAPPY).compress(BytesInput.empty()));

    assertThat(Snappy.uncompress(compressed)).isEmpty();
  }

  @Test
  void uncompressedPassesBytesThrough() throws IOException {
    byte[] page = {1, 2, 3};
    BytesInputCompressor compressor = factory.getCompressor(CompressionCodecName.UNCOMPRESSED);

    assertThat(compressor.getCodecName()).isEqualTo(CompressionCodecName.UNCOMPRESSED);
    assertThat(bytes(compressor.compress(BytesInput.from(page)))).isEqualTo(page);
    assertThat(bytes(factory.getDecompressor(CompressionCodecName.UNCOMPRESSED)
            .decompress(BytesInput.from(page), 3)))
        .isEqualTo(page);
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"SNAPPY", "UNCOMPRESSED"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherCodecsAreRejected(CompressionCodecName codec) {
    assertThatThrownBy(() -> factory.getCompressor(codec))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Compression codec " + codec
            + " is not supported; expected SNAPPY or UNCOMPRESSED");
    assertThatThrownBy(() -> factory.getDecompressor(codec))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static byte[] bytes(BytesInput input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    input.writeAllTo(out);
    return out.toByteArray();
  }
}
