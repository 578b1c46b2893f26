package vn.onestop.notify;

/**
 * The one port every notification goes through (cổng thông báo): adapters deliver by log, e-mail,
 * SMS. Implementations must not throw for a delivery failure of one channel; they log it.
 */
public interface Notifier {

  void send(Notification notification);
}
