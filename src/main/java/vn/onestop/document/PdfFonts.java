package vn.onestop.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The TrueType fonts embedded (subset) in every PDF OneStop produces: DejaVu Sans, which covers the
 * whole Vietnamese alphabet (precomposed letters with diacritics, U+1EA0–U+1EF9). Shipped in the jar
 * under {@code document/fonts/} with its licence, so nothing needs to be installed on the server.
 */
@Component
public class PdfFonts {

  static final String REGULAR = "document/fonts/DejaVuSans.ttf";
  static final String BOLD = "document/fonts/DejaVuSans-Bold.ttf";

  private final byte[] regular;
  private final byte[] bold;

  PdfFonts() {
    this.regular = read(REGULAR);
    this.bold = read(BOLD);
  }

  byte[] regular() {
    return regular;
  }

  byte[] bold() {
    return bold;
  }

  private static byte[] read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Font " + path + " is missing from the application (classpath)", e);
    }
  }
}
