package com.benefits.etl.cli.inspect;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * {@link ParquetReadOptions} built without touching Hadoop. parquet-java 1.18's public builder
 * always creates its Hadoop-backed {@code CodecFactory} first, even when a codec factory is given
 * (apache/parquet-java#2818), and that class cannot even be loaded without Hadoop on the classpath.
 * So the options' own constructor, which the builder calls, is called here directly.
 */
final class HadoopFreeReadOptions {
  private HadoopFreeReadOptions() {}

  static ParquetReadOptions create(CompressionCodecFactory codecs) {
    try {
      Constructor<ParquetReadOptions> c =
          ParquetReadOptions.class.getDeclaredConstructor(
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              FilterCompat.Filter.class,
              ParquetMetadataConverter.MetadataFilter.class,
              CompressionCodecFactory.class,
              ByteBufferAllocator.class,
              int.class,
              Map.class,
              FileDecryptionProperties.class,
              ParquetMetricsCallback.class,
              ParquetConfiguration.class);
      c.setAccessible(true);
      return c.newInstance(
          false, // useSignedStringMinMax
          false, // useStatsFilter
          false, // useDictionaryFilter
          false, // useRecordFilter
          false, // useColumnIndexFilter
          true, // usePageChecksumVerification
          false, // useBloomFilter
          false, // useOffHeapDecryptBuffer
          false, // useHadoopVectoredIo
          FilterCompat.NOOP,
          ParquetMetadataConverter.NO_FILTER,
          codecs,
          new HeapByteBufferAllocator(),
          8 << 20,
          Map.of(),
          null,
          null,
          new PlainParquetConfiguration());
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException(
          "this parquet-java has no ParquetReadOptions constructor as in 1.18", e);
    }
  }
}
