package vn.onestop.catalog;

/**
 * A catalogue or organisation data file is wrong. Thrown at start-up so that a bad file stops the
 * application instead of half-loading; the message names the file, the entry and what to fix.
 */
public class CatalogException extends IllegalStateException {

  private final String file;
  private final String entry;

  public CatalogException(String file, String entry, String problem) {
    this(file, entry, problem, null);
  }

  public CatalogException(String file, String entry, String problem, Throwable cause) {
    super(file + (entry == null ? "" : ", entry '" + entry + "'") + ": " + problem, cause);
    this.file = file;
    this.entry = entry;
  }

  /** The file at fault (its name under the catalogue location). */
  public String file() {
    return file;
  }

  /** The entry at fault (agency id, procedure code@version), or {@code null} for the whole file. */
  public String entry() {
    return entry;
  }
}
