package vn.onestop.document;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bytes in PostgreSQL ({@code onestop.document_blob}), content-addressed by SHA-256: stored in the
 * same transaction as their metadata and the register, backed up with them, and shared by every
 * OneStop node without a shared file system. A reused document costs no second copy.
 */
@Component
class PostgresContentStore implements ContentStore {

  private final JdbcTemplate jdbc;

  PostgresContentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String put(String sha256, byte[] bytes) {
    jdbc.update("INSERT INTO onestop.document_blob (sha256, size_bytes, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
        sha256, bytes.length, bytes);
    return "pg:" + sha256;
  }

  @Override
  public byte[] get(String key) {
    if (!key.startsWith("pg:")) {
      throw new IllegalArgumentException("Not a PostgreSQL content key: " + key);
    }
    try {
      return jdbc.queryForObject("SELECT bytes FROM onestop.document_blob WHERE sha256 = ?", byte[].class, key.substring(3));
    } catch (EmptyResultDataAccessException e) {
      throw new IllegalStateException("No content stored under " + key, e);
    }
  }
}
