package vn.onestop.signing;

/**
 * The key cannot sign now — the USB token is not plugged in, the PIN is missing, the remote-signing
 * service does not answer. The paper's job is retried and, if it keeps failing, listed for supervisors.
 */
public class SigningUnavailableException extends RuntimeException {

  public SigningUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public SigningUnavailableException(String message) {
    super(message);
  }
}
