package vn.onestop.signing;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A paper cannot be signed with the key that the law requires — the certificate has expired, is not
 * yet valid or was revoked, or no key is registered — so it is refused, in Vietnamese, before
 * anything is issued. A {@link ProcessEngineException}: a step that issues the paper rolls back and
 * Tasklist shows the message.
 */
public class SigningRefusedException extends ProcessEngineException {

  public SigningRefusedException(String message) {
    super(message);
  }

  public SigningRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
