package vn.onestop.signing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.springframework.stereotype.Component;
import vn.onestop.document.PdfCanvas;
import vn.onestop.document.PdfFonts;

/**
 * Signs a paper as PAdES (ETSI EN 319 142) with DSS: first a verification line with its QR code (the
 * address of the public verification page for this paper) is drawn at the foot of the last page, then
 * each signer signs in turn — the person who issued it, then the agency's seal where the law asks for
 * it — each with a visible block (name, role, agency, time) at the bottom right, where the official
 * forms put the issuer's signature. The level is {@code onestop.signing.level}: B, T (RFC 3161
 * timestamp) or LT (timestamp and revocation data embedded, valid long after the certificates expire).
 */
@Component
public class PadesSigner {

  /** Height of the band at the foot of the last page that holds the QR code and the signature blocks. */
  static final float BAND = 74f;
  static final float MARGIN = 18f;
  static final float BLOCK_WIDTH = 150f;
  static final float QR = 56f;

  private final SigningProperties properties;
  private final TrustServices trust;
  private final PdfFonts fonts;
  private final Map<String, SigningPort> ports;

  public PadesSigner(SigningProperties properties, TrustServices trust, PdfFonts fonts, List<SigningPort> ports) {
    this.properties = properties;
    this.trust = trust;
    this.fonts = fonts;
    this.ports = new java.util.HashMap<>();
    ports.forEach(p -> this.ports.put(p.adapter(), p));
  }

  /** Who signs, as printed in the visible block. */
  public record Signer(SigningKey key, String name, String role, String agency) {}

  /** The signed PDF and the PAdES level reached. */
  public record Signed(byte[] pdf, SignatureLevel level) {}

  public SignatureLevel level() {
    return switch (properties.getLevel().toUpperCase()) {
      case "T" -> SignatureLevel.PAdES_BASELINE_T;
      case "LT" -> SignatureLevel.PAdES_BASELINE_LT;
      case "B" -> SignatureLevel.PAdES_BASELINE_B;
      default -> throw new IllegalStateException("onestop.signing.level must be B, T or LT, not " + properties.getLevel());
    };
  }

  public Signed sign(byte[] pdf, List<Signer> signers, String verifyUrl, Instant at) {
    SignatureLevel level = level();
    TSPSource tsp = trust.tspSource();
    if (level != SignatureLevel.PAdES_BASELINE_B && tsp == null) {
      throw new SigningUnavailableException("PAdES " + level + " needs a timestamp authority (onestop.signing.tsa-url)");
    }
    Footer footer = stampFooter(pdf, verifyUrl, signers.size());
    DSSDocument document = new InMemoryDocument(footer.pdf(), "paper.pdf");
    PAdESService service = new PAdESService(trust.certificateVerifier());
    if (tsp != null) {
      service.setTspSource(tsp);
    }
    for (int i = 0; i < signers.size(); i++) {
      Signer s = signers.get(i);
      SigningPort port = ports.get(s.key().adapter());
      if (port == null) {
        throw new SigningUnavailableException("No signing adapter " + s.key().adapter());
      }
      PAdESSignatureParameters p = new PAdESSignatureParameters();
      p.setSignatureLevel(level);
      p.setDigestAlgorithm(DigestAlgorithm.SHA256);
      p.setSigningCertificate(new CertificateToken(s.key().certificate()));
      List<CertificateToken> chain = new ArrayList<>();
      chain.add(new CertificateToken(s.key().certificate()));
      for (X509Certificate c : s.key().chain()) {
        chain.add(new CertificateToken(c));
      }
      p.setCertificateChain(chain);
      p.bLevel().setSigningDate(Date.from(at));
      p.bLevel().setClaimedSignerRoles(List.of(s.role()));
      p.setSignerName(s.name());
      p.setReason(s.role() + " — " + s.agency());
      p.setLocation("Việt Nam");
      p.setAppName("OneStop");
      p.setSigningTimeZone(TimeZone.getTimeZone(Texts.ZONE));
      p.setImageParameters(block(s, i, footer, at));
      ToBeSigned data = service.getDataToSign(document, p);
      SignatureValue value = port.sign(s.key(), data, p.getDigestAlgorithm());
      document = service.signDocument(document, p, value);
    }
    try {
      return new Signed(document.openStream().readAllBytes(), level);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Footer(byte[] pdf, int page, float pageWidth, float pageHeight) {}

  /** The visible signature block of the i-th signer, right to left along the foot band. */
  private SignatureImageParameters block(Signer s, int i, Footer footer, Instant at) {
    SignatureImageParameters image = new SignatureImageParameters();
    SignatureFieldParameters field = new SignatureFieldParameters();
    field.setPage(footer.page());
    field.setWidth(BLOCK_WIDTH);
    field.setHeight(BAND - 8);
    field.setOriginX(footer.pageWidth() - MARGIN - (i + 1) * BLOCK_WIDTH - i * 6);
    // DSS measures from the top of the page
    field.setOriginY(footer.pageHeight() - MARGIN - (BAND - 8));
    image.setFieldParameters(field);
    SignatureImageTextParameters text = new SignatureImageTextParameters();
    text.setText("Ký bởi: " + s.name() + "\n" + s.role() + "\n" + s.agency() + "\nThời gian ký: " + Texts.dateTime(at)
        + (s.key().demo() ? "\n" + DemoCertificateAuthority.DEMO_MARK : ""));
    text.setFont(font());
    text.setTextWrapping(TextWrapping.FONT_BASED);
    text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
    text.setTextColor(new Color(0xB0, 0x10, 0x10));
    text.setBackgroundColor(new Color(0xFF, 0xF8, 0xF0));
    text.setPadding(3);
    image.setTextParameters(text);
    image.setBackgroundColor(new Color(0xFF, 0xF8, 0xF0));
    return image;
  }

  /**
   * The font of the visible signature blocks. Only the glyphs used are embedded (DSS embeds the whole 760 kB font by
   * default, once per signature, and then digests and rewrites the grown file at every later step: issue 18.2).
   */
  private static DSSFileFont font() {
    DSSFileFont f = new DSSFileFont(new InMemoryDocument(FontBytes.REGULAR));
    f.setEmbedFontSubset(true);
    f.setSize(6.5f);
    return f;
  }

  /** DejaVu Sans, read once from the classpath (it was read for every paper and every signer). */
  private static final class FontBytes {
    static final byte[] REGULAR = read("/document/fonts/DejaVuSans.ttf");

    private static byte[] read(String resource) {
      try (InputStream in = PadesSigner.class.getResourceAsStream(resource)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Draws the verification line and QR code at the foot of the last page, on a new page of the same
   * size when the text reaches the foot band.
   */
  private Footer stampFooter(byte[] pdf, String verifyUrl, int signers) {
    try (PdfFonts.Lease lease = fonts.lease(); PDDocument doc = Loader.loadPDF(pdf)) {
      int last = doc.getNumberOfPages() - 1;
      PDPage page = doc.getPage(last);
      float lowest = recordedBottom(doc).orElse(Float.NaN);
      if (Float.isNaN(lowest)) {
        lowest = lowestText(doc, last + 1); // a PDF not laid out by OneStop (an uploaded result)
      }
      PDRectangle box = page.getMediaBox();
      // on a narrow page (A5 with two signers) the QR code goes above the signature blocks, not beside them
      boolean stacked = 2 * MARGIN + QR + 130 + signers * (BLOCK_WIDTH + 6) > box.getWidth();
      float band = stacked ? 2 * BAND : BAND;
      if (lowest < MARGIN + band + 6) {
        page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
        doc.addPage(page);
        last++;
      }
      PDType0Font font = lease.regular(doc);
      BitMatrix m = new QRCodeWriter().encode(verifyUrl, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN, 0));
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        float cell = QR / m.getWidth();
        float x0 = MARGIN;
        float y0 = MARGIN + (BAND - 8 - QR) + (stacked ? BAND : 0);
        cs.setNonStrokingColor(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
          for (int x = 0; x < m.getWidth(); x++) {
            if (m.get(x, y)) {
              cs.addRect(x0 + x * cell, y0 + (m.getHeight() - 1 - y) * cell, cell, cell);
            }
          }
        }
        cs.fill();
        float tx = x0 + QR + 6;
        int query = verifyUrl.indexOf("?ma=");
        String[] lines = query < 0 ? new String[] {"Xác thực bản điện tử:", "quét mã QR hoặc truy cập", verifyUrl}
            : new String[] {"Xác thực bản điện tử: quét mã QR hoặc truy cập", verifyUrl.substring(0, query),
                "và nhập mã xác thực: " + verifyUrl.substring(query + 4)};
        float size = 6f;
        float ty = y0 + QR - size;
        for (String line : lines) {
          cs.beginText();
          cs.setFont(font, size);
          cs.newLineAtOffset(tx, ty);
          cs.showText(line);
          cs.endText();
          ty -= size + 2;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      PDRectangle size = page.getMediaBox();
      return new Footer(out.toByteArray(), last + 1, size.getWidth(), size.getHeight());
    } catch (IOException e) {
      throw new UncheckedIOException("The paper cannot be read as PDF", e);
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode the verification QR code", e);
    }
  }

  /** Where OneStop's own layout recorded the end of the content on the last page ({@link PdfCanvas#CONTENT_BOTTOM}). */
  private static java.util.Optional<Float> recordedBottom(PDDocument doc) {
    String value = doc.getDocumentInformation().getCustomMetadataValue(PdfCanvas.CONTENT_BOTTOM);
    try {
      return value == null ? java.util.Optional.empty() : java.util.Optional.of(Float.parseFloat(value));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** The lowest baseline of any text on the page, in PDF units from the bottom (the page height if none). */
  private static float lowestText(PDDocument doc, int pageNo) throws IOException {
    float[] lowest = {Float.MAX_VALUE};
    float height = doc.getPage(pageNo - 1).getMediaBox().getHeight();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition t : positions) {
          // YDirAdj is measured from the top
          lowest[0] = Math.min(lowest[0], height - t.getYDirAdj());
        }
      }
    };
    stripper.setStartPage(pageNo);
    stripper.setEndPage(pageNo);
    stripper.getText(doc);
    return lowest[0] == Float.MAX_VALUE ? height : lowest[0];
  }
}
