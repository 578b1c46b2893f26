package vn.onestop.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;

/**
 * The client of a CA's remote-signing service (ký số từ xa, e.g. the CSC API that Vietnamese CAs
 * offer): OneStop sends the digest of what is to be signed and the credential of the official, the
 * official confirms on their phone, the service returns the raw signature value. Implement this
 * interface as a Spring bean for the chosen CA, configured under {@code onestop.signing.remote.*}
 * (url, client id, secret from the environment, timeout); OneStop ships no implementation that calls
 * a real service.
 */
public interface RemoteSigningClient {

  /**
   * Signs a digest with the credential.
   *
   * @param credentialId the key row's {@code key_ref}
   * @param digestAlgorithm how {@code digest} was computed
   * @param digest         the digest of the data to be signed
   * @return the signature value (for ECDSA, DER-encoded; for RSA, PKCS#1 v1.5)
   */
  byte[] signDigest(String credentialId, DigestAlgorithm digestAlgorithm, byte[] digest);
}
