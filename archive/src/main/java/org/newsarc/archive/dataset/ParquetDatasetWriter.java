package org.newsarc.archive.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a dataset as Apache Parquet with typed columns (see {@link DatasetField.Kind}): 64-bit
 * integers, doubles, UTF-8 strings, UTC-adjusted microsecond timestamps and standard three-level
 * lists of strings, so that pyarrow, pandas, DuckDB, Polars and R's arrow read them as such.
 * Written through parquet-java's {@link LocalOutputFile} with GZIP pages compressed by the JDK
 * ({@link JdkCodecs}), so no Hadoop class or native library is needed at run time.
 */
final class ParquetDatasetWriter extends DatasetWriter {
  static final MessageType SCHEMA = schema();

  private final ParquetWriter<Map<String, Object>> writer;

  ParquetDatasetWriter(Path file) throws IOException {
    java.nio.file.Files.deleteIfExists(file);
    writer = new Builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new JdkCodecs())
        .withCompressionCodec(CompressionCodecName.GZIP)
        .build();
  }

  @Override
  void write(Map<String, Object> row) throws IOException {
    writer.write(row);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static MessageType schema() {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (DatasetField f : DatasetField.ALL) {
      Type.Repetition rep = f.name().equals("id") ? Type.Repetition.REQUIRED
          : Type.Repetition.OPTIONAL;
      switch (f.kind()) {
        case INT64 -> b.addField(Types.primitive(PrimitiveTypeName.INT64, rep).named(f.name()));
        case DOUBLE -> b.addField(Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(f.name()));
        case STRING -> b.addField(Types.primitive(PrimitiveTypeName.BINARY, rep)
            .as(LogicalTypeAnnotation.stringType()).named(f.name()));
        case TIMESTAMP -> b.addField(Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
            .named(f.name()));
        case LIST -> b.addField(Types.list(rep).optionalElement(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType()).named(f.name()));
        default -> throw new IllegalStateException("no Parquet type for " + f.kind());
      }
    }
    return b.named("article");
  }

  /**
   * The instant a date-time text names, as the Parquet and typed exports store it: with its
   * offset when it has one, a local date-time or a bare date as UTC (a date at midnight); null
   * when empty or unreadable.
   */
  static Instant instant(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String s = value.toString().strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the less precise forms
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static final class Builder
      extends ParquetWriter.Builder<Map<String, Object>, Builder> {
    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Map<String, Object>> getWriteSupport(Configuration conf) {
      return new RowSupport();
    }

    @Override
    protected WriteSupport<Map<String, Object>> getWriteSupport(ParquetConfiguration conf) {
      return new RowSupport();
    }
  }

  private static final class RowSupport extends WriteSupport<Map<String, Object>> {
    private RecordConsumer out;

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(SCHEMA, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(SCHEMA, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override
    public void write(Map<String, Object> row) {
      out.startMessage();
      List<DatasetField> fields = DatasetField.ALL;
      for (int i = 0; i < fields.size(); i++) {
        DatasetField f = fields.get(i);
        Object v = row.get(f.name());
        if (f.kind() == DatasetField.Kind.TIMESTAMP) {
          Instant t = instant(v);
          v = t == null ? null : micros(t);
        }
        if (v == null) {
          continue;
        }
        out.startField(f.name(), i);
        switch (f.kind()) {
          case INT64, TIMESTAMP -> out.addLong(((Number) v).longValue());
          case DOUBLE -> out.addDouble(((Number) v).doubleValue());
          case STRING -> out.addBinary(Binary.fromString(v.toString()));
          case LIST -> writeList(v);
          default -> throw new IllegalStateException("no Parquet type for " + f.kind());
        }
        out.endField(f.name(), i);
      }
      out.endMessage();
    }

    private void writeList(Object v) {
      List<String> items;
      try {
        items = jsonList(v);
      } catch (IOException e) {
        throw new IllegalArgumentException("not a JSON list of strings: " + v, e);
      }
      out.startGroup();
      if (!items.isEmpty()) {
        out.startField("list", 0);
        for (String item : items) {
          out.startGroup();
          out.startField("element", 0);
          out.addBinary(Binary.fromString(item));
          out.endField("element", 0);
          out.endGroup();
        }
        out.endField("list", 0);
      }
      out.endGroup();
    }
  }
}
