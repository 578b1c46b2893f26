package vn.onestop.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import java.security.KeyStore;
import org.springframework.stereotype.Component;

/**
 * A PKCS#11 token or HSM — the USB tokens Vietnamese CAs issue to officials — through Java's SunPKCS11
 * provider, which DSS's {@link Pkcs11SignatureToken} configures from the vendor library's path and the
 * slot ({@code onestop.signing.pkcs11.library}, {@code .slot}); the PIN comes from the environment
 * variable named by {@code onestop.signing.pkcs11.pin-env}. The key row's {@code key_ref} is the alias
 * on the token; without one, the entry whose certificate is the registered one signs.
 */
@Component
public class Pkcs11Signing implements SigningPort {

  private final SigningProperties properties;

  public Pkcs11Signing(SigningProperties properties) {
    this.properties = properties;
  }

  @Override
  public String adapter() {
    return "PKCS11";
  }

  @Override
  public SignatureValue sign(SigningKey key, ToBeSigned data, DigestAlgorithm digest) {
    SigningProperties.Pkcs11 config = properties.getPkcs11();
    if (config.getLibrary() == null || config.getLibrary().isBlank()) {
      throw new SigningUnavailableException("Chưa cấu hình thiết bị ký số PKCS#11 (onestop.signing.pkcs11.library)");
    }
    String pin = System.getenv(config.getPinEnv());
    if (pin == null) {
      throw new SigningUnavailableException("Thiếu mã PIN của thiết bị ký số (biến môi trường " + config.getPinEnv() + ")");
    }
    try (Pkcs11SignatureToken token = new Pkcs11SignatureToken(config.getLibrary(),
        new KeyStore.PasswordProtection(pin.toCharArray()), config.getSlot())) {
      DSSPrivateKeyEntry entry = null;
      for (DSSPrivateKeyEntry e : token.getKeys()) {
        boolean byAlias = key.keyRef() != null && e instanceof eu.europa.esig.dss.token.KSPrivateKeyEntry ks
            && key.keyRef().equals(ks.getAlias());
        if (byAlias || e.getCertificate().getCertificate().equals(key.certificate())) {
          entry = e;
          break;
        }
      }
      if (entry == null) {
        throw new SigningUnavailableException("Thiết bị ký số không chứa khóa của chứng thư số " + key.serialHex()
            + " (cắm đúng thiết bị của người ký)");
      }
      return token.sign(data, digest, entry);
    } catch (DSSException e) {
      throw new SigningUnavailableException("Không truy cập được thiết bị ký số PKCS#11: " + e.getMessage(), e);
    }
  }
}
