package com.benefits.etl.cli.inspect;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One Parquet output of a run, read with parquet-java and no Hadoop class: a single file, as the
 * embedded engine writes it, or a directory of {@code part-*.parquet} files with the same name, as
 * a distributed engine does (SPEC 3.7). Its footers are read when it is opened; rows are read on
 * demand. A file that is not readable Parquet, or a part whose columns differ from the first part's
 * in name or type, is a {@link BadInputException} naming that file; parts may differ in whether a
 * column is required or optional (writers disagree on it), which {@link #repetitions(String)}
 * tells.
 */
final class ParquetOutput {
  /** One file of the output, as its footer describes it. */
  record Part(
      Path file, MessageType schema, long bytes, List<Long> rowGroupRows, Set<String> codecs) {
    Part {
      requireNonNull(file, "file is null");
      requireNonNull(schema, "schema is null");
      rowGroupRows = List.copyOf(rowGroupRows);
      codecs = Set.copyOf(codecs);
    }

    long rows() {
      return rowGroupRows.stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Where a row is: its part, its row group in that part, and its position in the row group. */
  record RowPosition(int part, int rowGroup, long row) {}

  /** Sees rows in file order; returns false to stop the scan. */
  interface RowVisitor {
    boolean visit(RowPosition position, Group row);
  }

  /** Which row groups a scan reads. */
  interface RowGroupFilter {
    boolean read(int part, int rowGroup);
  }

  private static final ParquetReadOptions OPTIONS =
      HadoopFreeReadOptions.create(ReadCodecs.INSTANCE);

  private final Path path;
  private final List<Part> parts;
  private final MessageType schema;

  private ParquetOutput(Path path, List<Part> parts, MessageType schema) {
    this.path = path;
    this.parts = List.copyOf(parts);
    this.schema = schema;
  }

  /**
   * The output at {@code path} (a file, or a directory of part files), or empty when nothing is
   * there.
   */
  static Optional<ParquetOutput> open(Path path) {
    if (Files.isRegularFile(path)) {
      return Optional.of(open(path, List.of(path)));
    }
    if (Files.isDirectory(path)) {
      List<Path> files = partFiles(path);
      if (files.isEmpty()) {
        throw new BadInputException(path, "a directory that holds no part-*.parquet file");
      }
      return Optional.of(open(path, files));
    }
    if (Files.exists(path)) {
      throw new BadInputException(path, "neither a file nor a directory");
    }
    return Optional.empty();
  }

  private static ParquetOutput open(Path path, List<Path> files) {
    List<Part> parts = new ArrayList<>();
    for (Path file : files) {
      checkMagic(file);
      try (ParquetFileReader reader = reader(file)) {
        MessageType schema = reader.getFileMetaData().getSchema();
        if (!parts.isEmpty() && !sameColumns(parts.get(0).schema(), schema)) {
          throw new BadInputException(
              file,
              "its columns differ from those of "
                  + parts.get(0).file().getFileName()
                  + " (expected "
                  + Schemas.oneLine(parts.get(0).schema())
                  + "; found "
                  + Schemas.oneLine(schema)
                  + ")");
        }
        List<Long> groups = new ArrayList<>();
        Set<String> codecs = new TreeSet<>();
        for (BlockMetaData block : reader.getRowGroups()) {
          groups.add(block.getRowCount());
          for (ColumnChunkMetaData chunk : block.getColumns()) {
            codecs.add(chunk.getCodec().name());
          }
        }
        parts.add(new Part(file, schema, Files.size(file), groups, codecs));
      } catch (IOException | RuntimeException e) {
        throw unreadable(file, e);
      }
    }
    return new ParquetOutput(path, parts, parts.get(0).schema());
  }

  /**
   * A Parquet file starts and ends with {@code PAR1}; one that does not is truncated or another
   * format, which is said more plainly than parquet-java would.
   */
  private static void checkMagic(Path file) {
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      ByteBuffer head = ByteBuffer.allocate(magic.length);
      ByteBuffer tail = ByteBuffer.allocate(magic.length);
      if (size < 3L * magic.length) {
        throw new BadInputException(
            file, "not a Parquet file: " + size + " bytes are too few for one (truncated?)");
      }
      channel.read(head, 0);
      channel.read(tail, size - magic.length);
      if (!Arrays.equals(head.array(), magic)) {
        throw new BadInputException(
            file, "not a Parquet file: it does not start with PAR1 (another format?)");
      }
      if (!Arrays.equals(tail.array(), magic)) {
        throw new BadInputException(
            file,
            "not a Parquet file: it does not end with PAR1 (truncated, or still being written?)");
      }
    } catch (IOException e) {
      throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** The same columns, in the same order and of the same types; repetitions aside. */
  private static boolean sameColumns(MessageType a, MessageType b) {
    List<Schemas.Column> x = Schemas.columns(a);
    List<Schemas.Column> y = Schemas.columns(b);
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).withoutRepetition().equals(y.get(i).withoutRepetition())) {
        return false;
      }
    }
    return true;
  }

  /** The {@code part-*.parquet} files of a directory, by name. */
  private static List<Path> partFiles(Path dir) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "part-*.parquet")) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot list the directory: " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(f -> f.getFileName().toString()));
    return files;
  }

  private static ParquetFileReader reader(Path file) throws IOException {
    return ParquetFileReader.open(new LocalInputFile(file), OPTIONS);
  }

  /** A failure to read {@code file}, worded for one line. */
  private static BadInputException unreadable(Path file, Exception e) {
    if (e instanceof BadInputException bad) {
      return bad;
    }
    if (e instanceof ReadCodecs.UnsupportedCodecException codec) {
      return new BadInputException(file, "cannot be read: " + codec.getMessage(), e);
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    detail = Cells.cell(detail.replace(file.toUri().toString(), "").strip(), 200);
    return new BadInputException(
        file, "not a readable Parquet file (truncated or corrupt?): " + detail, e);
  }

  /** The file, or the directory of part files. */
  Path path() {
    return path;
  }

  List<Part> parts() {
    return parts;
  }

  /** Whether this output is a directory of part files. */
  boolean isDirectory() {
    return !(parts.size() == 1 && parts.get(0).file().equals(path));
  }

  MessageType schema() {
    return schema;
  }

  long rows() {
    return parts.stream().mapToLong(Part::rows).sum();
  }

  long bytes() {
    return parts.stream().mapToLong(Part::bytes).sum();
  }

  int rowGroups() {
    return parts.stream().mapToInt(p -> p.rowGroupRows().size()).sum();
  }

  /** Every codec of any column chunk, such as {@code SNAPPY}. */
  Set<String> codecs() {
    Set<String> all = new TreeSet<>();
    parts.forEach(p -> all.addAll(p.codecs()));
    return all;
  }

  /**
   * How many parts have each repetition ({@code required}, {@code optional}, {@code repeated}) for
   * the leaf column at {@code path} (dotted).
   */
  Map<String, Integer> repetitions(String path) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Part part : parts) {
      for (Schemas.Column c : Schemas.columns(part.schema())) {
        if (c.name().equals(path)) {
          counts.merge(c.repetition(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /**
   * Reads the named top-level columns (all, for an empty list) from the row groups that {@code
   * filter} lets through, in file order, until {@code visitor} says stop.
   */
  void scan(List<String> columns, RowGroupFilter filter, RowVisitor visitor) {
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      MessageType projection = project(part.schema(), columns);
      try (ParquetFileReader reader = reader(part.file())) {
        reader.setRequestedSchema(projection);
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, part.schema());
        for (int g = 0; g < part.rowGroupRows().size(); g++) {
          if (!filter.read(p, g)) {
            continue;
          }
          PageReadStore pages = reader.readRowGroup(g);
          RecordReader<Group> records =
              io.getRecordReader(pages, new GroupRecordConverter(projection));
          for (long r = 0; r < pages.getRowCount(); r++) {
            if (!visitor.visit(new RowPosition(p, g, r), records.read())) {
              return;
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        throw unreadable(part.file(), e);
      }
    }
  }

  /** The named top-level fields of {@code schema} in its order; all of them for an empty list. */
  private static MessageType project(MessageType schema, List<String> names) {
    if (names.isEmpty()) {
      return schema;
    }
    List<Type> fields = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (names.contains(field.getName())) {
        fields.add(field);
      }
    }
    return Types.buildMessage().addFields(fields.toArray(Type[]::new)).named(schema.getName());
  }

  /** The first {@code n} rows, all columns. */
  List<Group> firstRows(int n) {
    List<Group> rows = new ArrayList<>();
    if (n > 0) {
      scan(
          List.of(),
          (part, group) -> true,
          (position, row) -> {
            rows.add(row);
            return rows.size() < n;
          });
    }
    return rows;
  }
}
