package org.newsarc.crawler.fetch;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** For loopback tests only: trusts the test server's self-signed certificate. */
final class TrustAll implements X509TrustManager {
  private TrustAll() {}

  static OkHttpClient.Builder configure(OkHttpClient.Builder builder) {
    try {
      TrustAll trust = new TrustAll();
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, new SecureRandom());
      return builder.sslSocketFactory(tls.getSocketFactory(), trust)
          .hostnameVerifier((host, session) -> host.equals("localhost"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
