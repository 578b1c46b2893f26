package vn.onestop.signing;

import vn.onestop.process.EngineTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.document.NewDocument;
import vn.onestop.document.PaperSeal;

/**
 * The signing step of the paper pipeline: which keys sign a paper (the person whose authenticated
 * action issued it — {@code onestop.paper_job.signer} —, and the agency's seal where the paper's rule
 * says so, or when no person acted), the check that each key may sign now, the PAdES signature, and
 * the {@code onestop.signed_paper} row the public verification page reads.
 */
@Component
public class PaperSealing implements PaperSeal {

  /** Role printed for the agency's seal. */
  static final String SEAL_ROLE = "Con dấu cơ quan";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final JdbcTemplate jdbc;
  private final SigningProperties properties;
  private final SigningKeys keys;
  private final PadesSigner signer;
  private final PaperAgencies agencies;
  private final ObjectProvider<IdentityService> identity;
  private final ObjectMapper json;

  public PaperSealing(JdbcTemplate jdbc, SigningProperties properties, SigningKeys keys, PadesSigner signer, PaperAgencies agencies,
      ObjectProvider<IdentityService> identity, ObjectMapper json) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.keys = keys;
    this.signer = signer;
    this.agencies = agencies;
    this.identity = identity;
    this.json = json;
  }

  @Override
  public Optional<Sealed> seal(NewDocument doc) {
    Optional<Paper> found = Paper.of(doc.componentId(), doc.kind());
    if (found.isEmpty() || doc.dossierId() == null || !"application/pdf".equals(doc.contentType())) {
      return Optional.empty();
    }
    Paper paper = found.get();
    SigningContext.Job job = SigningContext.current();
    String agency = job != null ? job.agencyId() : agencies.agencyFor(doc.dossierId(), paper);
    String person = job != null ? job.signer() : currentUser();
    Instant now = EngineTime.wallNow();
    List<PadesSigner.Signer> signers = signers(paper, agency, person, now);
    String code = newCode();
    PadesSigner.Signed signed = signer.sign(doc.bytes(), signers, verifyUrl(code), now);
    List<Map<String, Object>> described = new ArrayList<>();
    for (PadesSigner.Signer s : signers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("role", s.role());
      m.put("agency", s.agency());
      m.put("keyId", s.key().id());
      m.put("userId", s.key().holder());
      described.add(m);
    }
    String signersJson;
    try {
      signersJson = json.writeValueAsString(described);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(new Sealed(signed.pdf(), stored -> jdbc.update("""
        INSERT INTO onestop.signed_paper (document_id, dossier_id, paper, verify_code, signers, level, job_id, signed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", stored.id(), doc.dossierId(), paper.name(), code, signersJson, signed.level().name(),
        job == null ? null : job.jobId(), Timestamp.from(now))));
  }

  /**
   * The signers of a paper and their keys, each checked usable at the given time: refused in
   * Vietnamese ({@link SigningRefusedException}) when a certificate expired or was revoked.
   */
  List<PadesSigner.Signer> signers(Paper paper, String agencyId, String person, Instant at) {
    SigningProperties.PaperRule rule = rule(paper);
    String agencyName = keys.agencyName(agencyId);
    List<PadesSigner.Signer> result = new ArrayList<>();
    if (person != null) {
      SigningKey key = keys.obtain(agencyId, person);
      keys.requireUsable(key, at);
      result.add(new PadesSigner.Signer(key, keys.displayName(person), rule.getRole(), agencyName));
    }
    if (rule.isSeal() || person == null) {
      SigningKey key = keys.obtain(agencyId, null);
      keys.requireUsable(key, at);
      result.add(new PadesSigner.Signer(key, agencyName, SEAL_ROLE, agencyName));
    }
    return result;
  }

  SigningProperties.PaperRule rule(Paper paper) {
    SigningProperties.PaperRule configured = properties.getPapers().get(paper.name());
    SigningProperties.PaperRule rule = new SigningProperties.PaperRule(paper.defaultRole(), paper.defaultSeal());
    if (configured != null) {
      if (configured.getRole() != null) {
        rule.setRole(configured.getRole());
      }
      rule.setSeal(configured.isSeal());
    }
    return rule;
  }

  /** The user authenticated on the engine now (a staff request, a task completion); null for the system. */
  String currentUser() {
    IdentityService ids = identity.getIfAvailable();
    Authentication auth = ids == null ? null : ids.getCurrentAuthentication();
    String user = auth == null ? null : auth.getUserId();
    return user == null || user.isBlank() || "system".equals(user) ? null : user;
  }

  String verifyUrl(String code) {
    String base = properties.getPublicBaseUrl();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/tra-cuu/xac-thuc?ma=" + code;
  }

  static String newCode() {
    char[] c = new char[16];
    for (int i = 0; i < c.length; i++) {
      c[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
    }
    return new String(c);
  }
}
