package vn.onestop.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a notification only after the current transaction (the engine's, when a step of a model
 * sends it) commits, so a rolled-back step never tells anybody anything, and a failing channel never
 * rolls a clerk's work back. Outside a transaction it sends at once. The one after-commit path of
 * the dossier's and the feedback's notices.
 */
@Component
public class AfterCommit {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

  private final Notifier notifier;

  public AfterCommit(Notifier notifier) {
    this.notifier = notifier;
  }

  public void send(Notification notification) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliver(notification);
        }
      });
    } else {
      deliver(notification);
    }
  }

  private void deliver(Notification notification) {
    try {
      notifier.send(notification);
    } catch (RuntimeException e) {
      LOG.error("Notification {} of {} could not be delivered: {}", notification.kind(), notification.dossierCode(), e.toString());
    }
  }
}
