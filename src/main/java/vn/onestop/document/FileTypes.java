package vn.onestop.document;

/** Checks that a file's first bytes agree with its declared type, for the types whose signature is known. */
final class FileTypes {

  private FileTypes() {}

  static boolean matches(String contentType, byte[] bytes) {
    return switch (contentType) {
      case "application/pdf" -> startsWith(bytes, 0x25, 0x50, 0x44, 0x46); // %PDF
      case "image/jpeg" -> startsWith(bytes, 0xFF, 0xD8, 0xFF);
      case "image/png" -> startsWith(bytes, 0x89, 0x50, 0x4E, 0x47);
      case "image/tiff" -> startsWith(bytes, 0x49, 0x49, 0x2A, 0x00) || startsWith(bytes, 0x4D, 0x4D, 0x00, 0x2A);
      default -> true;
    };
  }

  private static boolean startsWith(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
