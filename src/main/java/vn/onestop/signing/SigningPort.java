package vn.onestop.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;

/**
 * Where a private key signs: the port between the PAdES signer and the places agencies keep their
 * keys. Three adapters: {@link Pkcs12Signing} (a keystore per agency or person — demo and tests),
 * {@link Pkcs11Signing} (an official's USB token or an HSM through Java's SunPKCS11) and
 * {@link RemoteSigning} (a Vietnamese CA's remote-signing service through a {@link RemoteSigningClient}).
 * The key's row names its adapter.
 */
public interface SigningPort {

  /** PKCS12, PKCS11 or REMOTE, as in {@code onestop.signing_key.adapter}. */
  String adapter();

  /**
   * Signs the data the PAdES service prepared with the key.
   *
   * @throws SigningUnavailableException when the token or service cannot be reached now (the job retries)
   */
  SignatureValue sign(SigningKey key, ToBeSigned data, DigestAlgorithm digest);
}
