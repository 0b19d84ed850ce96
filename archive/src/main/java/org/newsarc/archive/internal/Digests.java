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

  private MessageDigest newDigester() {
    try {
      return WarcDigest.getDigester(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm, e);
    }
  }
}
