package vn.onestop.document;

import vn.onestop.register.DossierRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The QR code printed on slips and results. It carries, as a small JSON object, at least what the
 * national practice asks for: dossier code, procedure code, applicant identifier and document name.
 */
final class QrCodes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private QrCodes() {}

  /** The JSON carried by the code; keys in a fixed order. */
  static String payload(DossierRow d, String documentName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dossierCode", d.code());
    m.put("dossierId", d.id());
    m.put("procedureCode", d.procedureCode());
    m.put("applicantId", d.applicantIdNumber());
    m.put("document", documentName);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The modules of a QR code for the text (UTF-8, error correction M, no quiet zone: the caller leaves white space). */
  static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code for " + text.length() + " characters", e);
    }
  }
}
