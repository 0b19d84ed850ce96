package org.newsarc.archive.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.netpreserve.jwarc.WarcDigest;

/** Computes WARC digests with one configured algorithm. Immutable and thread-safe. */
public final class Digests {
  private final String algorithm;

  public Digests(String algorithm) {
    this.algorithm = algorithm;
    newDigester(); // fail at construction, not at the first write
  }

  public String algorithm() {
    return algorithm;
  }

  /** The digest of {@code data}; prints as {@code ALGORITHM:BASE32}. */
  public WarcDigest of(byte[] data) {
    return new WarcDigest(algorithm, newDigester().digest(data));
  }

  /** The digest of the concatenation {@code a + b}, without copying them together. */
  public WarcDigest of(byte[] a, byte[] b) {
    MessageDigest digester = newDigester();
    digester.update(a);
    digester.update(b);
    return new WarcDigest(algorithm, digester.digest());
  }

  /** The digest as written in WARC headers and stored in the catalog: "sha1:BASE32". */
  public static String label(WarcDigest digest) {
    return digest.algorithm() + ":" + digest.base32();
  }

  /**
   * The digest as written in WARC-Block-Digest and WARC-Payload-Digest: SHA-1 in base32 (32
   * letters, no padding, the common form), SHA-256 and SHA-512 in lower-case hex, because their
   * base32 form needs "=" padding, which the WARC header grammar (a token) does not allow.
   */
  public static String header(WarcDigest digest) {
    if (digest.algorithm().equalsIgnoreCase("sha1")) {
      return "sha1:" + digest.base32();
    }
    return digest.algorithm().toLowerCase(java.util.Locale.ROOT) + ":" + digest.hex();
  }

  /** The SHA-1 of {@code data} as "sha1:BASE32", for records that carry no digest. */
  public static String sha1Base32(byte[] data) {
    return label(new Digests("sha1").of(data));
  }

  private MessageDigest newDigester() {
    try {
      return WarcDigest.getDigester(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm, e);
    }
  }
}
