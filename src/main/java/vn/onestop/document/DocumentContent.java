package vn.onestop.document;

/** A document's metadata with its bytes, whose SHA-256 has been checked. */
public record DocumentContent(StoredDocument document, byte[] bytes) {}
