package vn.onestop.signing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onestop.signing.*}: how papers are signed (chữ ký số, Circular 01/2018 Art. 10.1d; Decree
 * 45/2020; Decree 23/2015), with which keys, at which PAdES level, and how the asynchronous paper
 * pipeline retries. See docs/documents.md.
 */
@ConfigurationProperties("onestop.signing")
public class SigningProperties {

  /** PAdES baseline level: B (signature only), T (+ RFC 3161 timestamp), LT (+ revocation data). */
  private String level = "B";
  /** RFC 3161 timestamp authority URL (required for T and LT). */
  private String tsaUrl;
  /** The address printed in the QR code of each signed paper: {publicBaseUrl}/tra-cuu/xac-thuc?ma=… */
  private String publicBaseUrl = "http://localhost:8080";
  /** PEM files (file: or classpath:) of the CA roots whose signatures verification accepts, besides the demo CA. */
  private List<String> trustAnchors = new ArrayList<>();
  /** What each paper needs: the role printed for the person who signs it and whether the agency's seal follows. */
  private Map<String, PaperRule> papers = new LinkedHashMap<>();
  private DemoCa demoCa = new DemoCa();
  private Pkcs11 pkcs11 = new Pkcs11();
  private Remote remote = new Remote();
  private Queue queue = new Queue();

  public String getLevel() { return level; }
  public void setLevel(String level) { this.level = level; }
  public String getTsaUrl() { return tsaUrl; }
  public void setTsaUrl(String tsaUrl) { this.tsaUrl = tsaUrl; }
  public String getPublicBaseUrl() { return publicBaseUrl; }
  public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
  public List<String> getTrustAnchors() { return trustAnchors; }
  public void setTrustAnchors(List<String> trustAnchors) { this.trustAnchors = trustAnchors; }
  public Map<String, PaperRule> getPapers() { return papers; }
  public void setPapers(Map<String, PaperRule> papers) { this.papers = papers; }
  public DemoCa getDemoCa() { return demoCa; }
  public void setDemoCa(DemoCa demoCa) { this.demoCa = demoCa; }
  public Pkcs11 getPkcs11() { return pkcs11; }
  public void setPkcs11(Pkcs11 pkcs11) { this.pkcs11 = pkcs11; }
  public Remote getRemote() { return remote; }
  public void setRemote(Remote remote) { this.remote = remote; }
  public Queue getQueue() { return queue; }
  public void setQueue(Queue queue) { this.queue = queue; }

  /** The role printed in the signature block and whether the agency's seal (con dấu) signs too. */
  public static class PaperRule {
    private String role;
    private boolean seal;

    public PaperRule() {}

    public PaperRule(String role, boolean seal) {
      this.role = role;
      this.seal = seal;
    }

    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public boolean isSeal() { return seal; }
    public void setSeal(boolean seal) { this.seal = seal; }
  }

  /** The demo CA: generated at first start, every certificate marked "DEMO — không có giá trị pháp lý". */
  public static class DemoCa {
    private boolean enabled = true;
    /** Validity of the personal and seal certificates it issues on demand. */
    private Duration validity = Duration.ofDays(730);
    /** Password of the demo PKCS#12 keystores (they are demo keys, kept in the database). */
    private String keystorePassword = "onestop-demo";

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getValidity() { return validity; }
    public void setValidity(Duration validity) { this.validity = validity; }
    public String getKeystorePassword() { return keystorePassword; }
    public void setKeystorePassword(String keystorePassword) { this.keystorePassword = keystorePassword; }
  }

  /** A PKCS#11 token or HSM through Java's SunPKCS11 provider. */
  public static class Pkcs11 {
    /** Path of the vendor's PKCS#11 library, e.g. /usr/lib/libeTPkcs11.so (empty = adapter off). */
    private String library;
    private int slot = 0;
    /** Name of the environment variable holding the token PIN (never the PIN itself in a file). */
    private String pinEnv = "ONESTOP_PKCS11_PIN";

    public String getLibrary() { return library; }
    public void setLibrary(String library) { this.library = library; }
    public int getSlot() { return slot; }
    public void setSlot(int slot) { this.slot = slot; }
    public String getPinEnv() { return pinEnv; }
    public void setPinEnv(String pinEnv) { this.pinEnv = pinEnv; }
  }

  /** A CA's remote-signing service (ký số từ xa): the client bean implementing RemoteSigningClient calls it. */
  public static class Remote {
    private String url;
    private String clientId;
    /** Environment variable holding the client secret. */
    private String secretEnv = "ONESTOP_REMOTE_SIGNING_SECRET";
    private Duration timeout = Duration.ofSeconds(60);

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getSecretEnv() { return secretEnv; }
    public void setSecretEnv(String secretEnv) { this.secretEnv = secretEnv; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
  }

  /** The asynchronous paper pipeline (issue 18: papers are built outside the user's transaction). */
  public static class Queue {
    /** true: produced on a worker thread after commit; false: after commit on the committing thread (tests). */
    private boolean async = true;
    private int threads = 2;
    private int maxAttempts = 5;
    /** First retry delay; doubles on each failure. */
    private Duration backoff = Duration.ofSeconds(30);
    /** How often the worker looks for due retries and jobs left by a stopped node. */
    private Duration pollInterval = Duration.ofSeconds(15);

    public boolean isAsync() { return async; }
    public void setAsync(boolean async) { this.async = async; }
    public int getThreads() { return threads; }
    public void setThreads(int threads) { this.threads = threads; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getBackoff() { return backoff; }
    public void setBackoff(Duration backoff) { this.backoff = backoff; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
  }
}
