package vn.onestop.signing;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority that a test starts on 127.0.0.1 (JDK HTTP server, Bouncy Castle's
 * TSP classes), with a timestamping certificate from the demo CA, so PAdES B-T/B-LT run as against a
 * CA's service: OneStop's {@code OnlineTSPSource} posts {@code application/timestamp-query} to it.
 */
final class TestTimestampAuthority implements AutoCloseable {

  private final HttpServer server;
  private final AtomicLong served = new AtomicLong();

  private TestTimestampAuthority(HttpServer server) {
    this.server = server;
  }

  static TestTimestampAuthority start(DemoCertificateAuthority ca) throws Exception {
    DemoCertificateAuthority.Issued tsa = ca.issueTimestamping("OneStop TEST TSA");
    X509Certificate root = ca.root();
    DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
        .get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256"));
    SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsa.keys().getPrivate(),
        tsa.certificate());
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), root)));
    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    TestTimestampAuthority authority = new TestTimestampAuthority(server);
    server.createContext("/tsa", exchange -> {
      try {
        TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
        TimeStampResponse response;
        synchronized (responses) {
          response = responses.generate(request, BigInteger.valueOf(authority.served.incrementAndGet()), new Date());
        }
        byte[] body = response.getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
    return authority;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
  }

  long served() {
    return served.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
