package vn.onestop.notify;

/**
 * The port to an SMS gateway (tin nhắn SMS; brand-name SMS of a Vietnamese carrier in production).
 * Only a logging adapter exists so far; a real gateway implements this and is marked {@code @Primary}.
 */
public interface SmsSender {

  /** Sends one text to a phone number; throws when the gateway refuses it. */
  void send(String phone, String text);
}
