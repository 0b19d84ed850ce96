package org.newsarc.archive;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How WARC files are written: naming, rotation, format version, digests and the facts named in
 * each warcinfo record. Immutable; start from {@link #defaults()} and change a copy with
 * {@link #newBuilder()} (or the {@code with*} shortcuts).
 *
 * @param prefix the first part of every file name
 * @param maxFileBytes a file is closed and a new one started once it grows past this size
 * @param maxFileAge a file is closed once it has been open this long (checked at each write)
 * @param software the software named in each warcinfo record, with its version
 * @param operator who runs the crawl (a contact), or null
 * @param robotsPolicy the robots policy named in each warcinfo record, or null
 * @param version the WARC format version written: "1.1" (default) or "1.0"
 * @param digestAlgorithm the block and payload digest algorithm, written in base32: "sha1"
 *     (default, the form other tools deduplicate on), "sha256" or "sha512"
 * @param writeCdxj whether a CDXJ index is written beside each WARC file as it is closed
 * @param compressionLevel the gzip (zlib) level of every record, 1 (fastest) to 9 (smallest);
 *     default {@link #DEFAULT_COMPRESSION_LEVEL}, zlib's own default, as gzip and wget use
 * @param deflater which library deflates the records: "auto" (default: libdeflate when the
 *     system has it, else zlib), "zlib" or "libdeflate"; both take the same levels
 */
public record WarcOptions(
    String prefix,
    long maxFileBytes,
    Duration maxFileAge,
    String software,
    String operator,
    String robotsPolicy,
    String version,
    String digestAlgorithm,
    boolean writeCdxj,
    int compressionLevel,
    String deflater) {

  /** Default rotation size: 1 GB, as most archives use. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1_000_000_000L;
  /** Default rotation age: a day, so a slow crawl still closes (and indexes) its files. */
  public static final Duration DEFAULT_MAX_FILE_AGE = Duration.ofHours(24);
  /**
   * Default gzip level: 6, zlib's default. Lower levels cost less CPU for larger files (see
   * docs/performance.md for the measured trade-off on news pages).
   */
  public static final int DEFAULT_COMPRESSION_LEVEL = 6;

  public WarcOptions {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(software, "software");
    Objects.requireNonNull(maxFileAge, "maxFileAge");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }
    if (maxFileAge.isNegative() || maxFileAge.isZero()) {
      throw new IllegalArgumentException("maxFileAge must be positive: " + maxFileAge);
    }
    if (prefix.isBlank() || !prefix.matches("[A-Za-z0-9._]+(-[A-Za-z0-9._]+)*")) {
      throw new IllegalArgumentException("bad WARC file prefix (letters, digits, . _ -): "
          + prefix);
    }
    if (!version.equals("1.1") && !version.equals("1.0")) {
      throw new IllegalArgumentException("WARC version must be 1.1 or 1.0: " + version);
    }
    digestAlgorithm = digestAlgorithm.toLowerCase(Locale.ROOT).replace("-", "");
    if (!digestAlgorithm.matches("sha1|sha256|sha512")) {
      throw new IllegalArgumentException("unsupported digest algorithm: " + digestAlgorithm);
    }
    if (compressionLevel < 1 || compressionLevel > 9) {
      throw new IllegalArgumentException("gzip compression level must be 1 to 9: "
          + compressionLevel);
    }
    checkDeflater(deflater);
  }

  /**
   * Checks a {@link #deflater} name: "auto", "zlib" or "libdeflate". Only "libdeflate" loads the
   * library (to say now when it cannot be loaded); "auto" is decided when records are written.
   *
   * @throws IllegalArgumentException for another name, or for "libdeflate" when it cannot be
   *     loaded here (the message says why)
   */
  public static void checkDeflater(String name) {
    org.newsarc.archive.internal.GzipMembers.Engine.check(name);
  }

  public static WarcOptions defaults() {
    return new WarcOptions("newsarc", DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILE_AGE, "newsarc",
        null, "obey", "1.1", "sha1", true, DEFAULT_COMPRESSION_LEVEL, "auto");
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  public WarcOptions withPrefix(String prefix) {
    return newBuilder().prefix(prefix).build();
  }

  public WarcOptions withMaxFileBytes(long maxFileBytes) {
    return newBuilder().maxFileBytes(maxFileBytes).build();
  }

  public WarcOptions withSoftware(String software) {
    return newBuilder().software(software).build();
  }

  public WarcOptions withOperator(String operator) {
    return newBuilder().operator(operator).build();
  }

  /** Changes some options of a copy; not thread-safe. */
  public static final class Builder {
    private String prefix;
    private long maxFileBytes;
    private Duration maxFileAge;
    private String software;
    private String operator;
    private String robotsPolicy;
    private String version;
    private String digestAlgorithm;
    private boolean writeCdxj;
    private int compressionLevel;
    private String deflater;

    private Builder(WarcOptions o) {
      prefix = o.prefix;
      maxFileBytes = o.maxFileBytes;
      maxFileAge = o.maxFileAge;
      software = o.software;
      operator = o.operator;
      robotsPolicy = o.robotsPolicy;
      version = o.version;
      digestAlgorithm = o.digestAlgorithm;
      writeCdxj = o.writeCdxj;
      compressionLevel = o.compressionLevel;
      deflater = o.deflater;
    }

    public Builder prefix(String prefix) { this.prefix = prefix; return this; }
    public Builder maxFileBytes(long max) { this.maxFileBytes = max; return this; }
    public Builder maxFileAge(Duration max) { this.maxFileAge = max; return this; }
    public Builder software(String software) { this.software = software; return this; }
    public Builder operator(String operator) { this.operator = operator; return this; }
    public Builder robotsPolicy(String policy) { this.robotsPolicy = policy; return this; }
    public Builder version(String version) { this.version = version; return this; }
    public Builder digestAlgorithm(String algorithm) { this.digestAlgorithm = algorithm; return this; }
    public Builder writeCdxj(boolean write) { this.writeCdxj = write; return this; }
    public Builder compressionLevel(int level) { this.compressionLevel = level; return this; }
    public Builder deflater(String deflater) { this.deflater = deflater; return this; }

    public WarcOptions build() {
      return new WarcOptions(prefix, maxFileBytes, maxFileAge, software, operator, robotsPolicy,
          version, digestAlgorithm, writeCdxj, compressionLevel, deflater);
    }
  }
}
