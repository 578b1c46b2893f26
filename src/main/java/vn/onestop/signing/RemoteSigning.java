package vn.onestop.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.spi.DSSUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Signing at a CA's remote-signing service through the configured {@link RemoteSigningClient} bean. */
@Component
public class RemoteSigning implements SigningPort {

  private final ObjectProvider<RemoteSigningClient> client;

  public RemoteSigning(ObjectProvider<RemoteSigningClient> client) {
    this.client = client;
  }

  @Override
  public String adapter() {
    return "REMOTE";
  }

  @Override
  public SignatureValue sign(SigningKey key, ToBeSigned data, DigestAlgorithm digest) {
    RemoteSigningClient c = client.getIfAvailable();
    if (c == null) {
      throw new SigningUnavailableException("Chưa cấu hình dịch vụ ký số từ xa (không có RemoteSigningClient)");
    }
    byte[] value;
    try {
      value = c.signDigest(key.keyRef(), digest, DSSUtils.digest(digest, data.getBytes()));
    } catch (RuntimeException e) {
      throw new SigningUnavailableException("Dịch vụ ký số từ xa không trả lời: " + e.getMessage(), e);
    }
    EncryptionAlgorithm encryption = EncryptionAlgorithm.forKey(key.certificate().getPublicKey());
    return new SignatureValue(SignatureAlgorithm.getAlgorithm(encryption, digest), value);
  }
}
