package vn.onestop.document;

/**
 * Where the bytes of documents live. The metadata (and the SHA-256 that guards the bytes) always
 * lives in PostgreSQL; an implementation only keeps and returns bytes under a key it chooses.
 * The default, {@link PostgresContentStore}, needs nothing installed; an S3-compatible store can
 * replace it as another bean of this type.
 */
public interface ContentStore {

  /** Keeps the bytes and returns the key to read them with. Must be idempotent for the same content. */
  String put(String sha256, byte[] bytes);

  /** The bytes stored under the key, as they are now (the caller verifies them). */
  byte[] get(String key);
}
