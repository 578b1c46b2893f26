package vn.onestop.document;

/**
 * Papers a step has issued but the worker has not produced yet (vn.onestop.signing's queue): a clerk
 * who opens the slip before the worker got to it has it produced now instead of a second print.
 */
public interface PendingPapers {

  /** Produces, signs and stores the dossier's papers still waiting for their first attempt. */
  void produceNow(long dossierId);
}
