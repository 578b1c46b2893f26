package vn.onestop.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A PKCS#12 keystore per agency or person, kept with its key row (demo CA keys and tests).
 *
 * <p>An opened keystore (kho khóa đã mở) is kept by key id for the next paper: opening one derives its protection
 * key from the password (PBKDF2, deliberately slow) and was a tenth of the paper workers' time (issue 18.2). The
 * decision whether a key may sign is taken before ({@link SigningKeys}: validity, revocation); a key row whose
 * keystore changed is opened again. At most {@value #KEPT} are kept.
 */
@Component
public class Pkcs12Signing implements SigningPort {

  static final int KEPT = 256;

  private final SigningProperties properties;
  private final Map<Long, Opened> opened = new ConcurrentHashMap<>();

  public Pkcs12Signing(SigningProperties properties) {
    this.properties = properties;
  }

  private record Opened(byte[] keystore, Pkcs12SignatureToken token, DSSPrivateKeyEntry entry) {}

  @Override
  public String adapter() {
    return "PKCS12";
  }

  @Override
  public SignatureValue sign(SigningKey key, ToBeSigned data, DigestAlgorithm digest) {
    if (key.keystore() == null) {
      throw new SigningUnavailableException("Signing key " + key.id() + " has no PKCS#12 keystore");
    }
    Opened keystore = opened.get(key.id());
    if (keystore == null || !Arrays.equals(keystore.keystore(), key.keystore())) {
      keystore = open(key);
      if (opened.size() >= KEPT) {
        opened.clear();
      }
      opened.put(key.id(), keystore);
    }
    return keystore.token().sign(data, digest, keystore.entry());
  }

  private Opened open(SigningKey key) {
    Pkcs12SignatureToken token = new Pkcs12SignatureToken(key.keystore(),
        new KeyStore.PasswordProtection(properties.getDemoCa().getKeystorePassword().toCharArray()));
    DSSPrivateKeyEntry entry = key.keyRef() == null ? token.getKeys().get(0) : token.getKey(key.keyRef());
    return new Opened(key.keystore().clone(), token, entry);
  }
}
