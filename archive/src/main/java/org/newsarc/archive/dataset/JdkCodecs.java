package org.newsarc.archive.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression with the JDK alone (GZIP and none), so that writing Parquet needs
 * neither Hadoop's codec classes nor native libraries. GZIP pages are read by every Parquet
 * reader. Thread-safe.
 */
final class JdkCodecs implements CompressionCodecFactory {
  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> new Compressor(codec);
      case GZIP -> new Compressor(codec);
      default -> throw new IllegalArgumentException("only GZIP and UNCOMPRESSED are built in: "
          + codec);
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("newsarc writes Parquet; it does not read it");
  }

  @Override
  public void release() {
    // nothing held
  }

  private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
        bytes.writeAllTo(gz);
      }
      return BytesInput.from(buf.toByteArray());
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {
      // nothing held
    }
  }

}
