package vn.onestop.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.security.KeyStore;
import org.springframework.stereotype.Component;

/** A PKCS#12 keystore per agency or person, kept with its key row (demo CA keys and tests). */
@Component
public class Pkcs12Signing implements SigningPort {

  private final SigningProperties properties;

  public Pkcs12Signing(SigningProperties properties) {
    this.properties = properties;
  }

  @Override
  public String adapter() {
    return "PKCS12";
  }

  @Override
  public SignatureValue sign(SigningKey key, ToBeSigned data, DigestAlgorithm digest) {
    if (key.keystore() == null) {
      throw new SigningUnavailableException("Signing key " + key.id() + " has no PKCS#12 keystore");
    }
    try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(key.keystore(),
        new KeyStore.PasswordProtection(properties.getDemoCa().getKeystorePassword().toCharArray()))) {
      DSSPrivateKeyEntry entry = key.keyRef() == null ? token.getKeys().get(0) : token.getKey(key.keyRef());
      return token.sign(data, digest, entry);
    }
  }
}
