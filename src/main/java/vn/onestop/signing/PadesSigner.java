package vn.onestop.signing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.ExternalCMSService;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.springframework.stereotype.Component;
import vn.onestop.document.PdfCanvas;
import vn.onestop.document.PdfFonts;

/**
 * Signs a paper as PAdES (ETSI EN 319 142): first a verification line with its QR code (the address of the public
 * verification page for this paper) and the visible block of every signer (name, role, agency, time — bottom right,
 * where the official forms put the issuer's signature) are drawn at the foot of the last page; then each signer signs in
 * turn — the person who issued it, then the agency's seal where the law asks for it — as one incremental update of the
 * file whose signature field covers that signer's block. The level is {@code onestop.signing.level}: B, T (RFC 3161
 * timestamp on each signature) or LT (then also the certificates' revocation data, valid long after they expire).
 *
 * <p>PDFBox writes each signer's revision once (the footer goes into the first) and hands its byte range to DSS's
 * {@link ExternalCMSService}, which builds the PAdES CMS (signing-certificate-v2, claimed role, timestamp at T) around
 * the value the key's {@link SigningPort} signs. DSS's own {@code PAdESService} wrote the whole file twice per signer (once to compute
 * what to sign, once to insert the signature), looked up its PDF and CMS implementations and parsed the block's font
 * each time: more than half of the paper workers' CPU (issue 18.2, {@code docs/benchmarks.md}). It still extends the
 * signed file to LT, which needs its validation data.
 */
@Component
public class PadesSigner {

  /** Height of the band at the foot of the last page that holds the QR code and the signature blocks. */
  static final float BAND = 74f;
  static final float MARGIN = 18f;
  static final float BLOCK_WIDTH = 150f;
  static final float QR = 56f;
  /** Bytes reserved for the CMS of one signature: a B-level one with its chain is 2-3 kB, a timestamp adds 4-6 kB. */
  static final int CMS_SPACE_B = 12_288;
  static final int CMS_SPACE_T = 24_576;
  private static final Color BLOCK_TEXT = new Color(0xB0, 0x10, 0x10);
  private static final Color BLOCK_BACKGROUND = new Color(0xFF, 0xF8, 0xF0);

  private final SigningProperties properties;
  private final TrustServices trust;
  private final PdfFonts fonts;
  private final Map<String, SigningPort> ports;
  private final CheckedCertificates checkedCertificates = new CheckedCertificates();

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
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("A paper needs at least one signer");
    }
    for (Signer s : signers) {
      if (!ports.containsKey(s.key().adapter())) {
        throw new SigningUnavailableException("No signing adapter " + s.key().adapter());
      }
    }
    CertificateVerifier verifier = trust.certificateVerifier();
    ExternalCMSService cms = new CheckedCertificates.Service(verifier, checkedCertificates, at);
    if (tsp != null) {
      cms.setTspSource(tsp);
    }
    // each signature carries its own timestamp at T and LT; LT then adds the validation data to the whole file
    SignatureLevel cmsLevel = level == SignatureLevel.PAdES_BASELINE_B ? level : SignatureLevel.PAdES_BASELINE_T;
    byte[] document;
    try {
      Footer footer;
      try (PdfFonts.Lease lease = fonts.lease(); PDDocument doc = Loader.loadPDF(pdf)) {
        footer = stampFooter(doc, lease, verifyUrl, signers, at);
        // the footer and the first signature are one revision: the file is written once for both
        document = signRevision(doc, pdf.length, signers.get(0), footer.blocks().get(0), footer.page(), cmsLevel, cms, at);
      }
      for (int i = 1; i < signers.size(); i++) {
        try (PDDocument doc = Loader.loadPDF(document)) {
          document = signRevision(doc, document.length, signers.get(i), footer.blocks().get(i), footer.page(), cmsLevel,
              cms, at);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The paper cannot be read or signed as PDF", e);
    }
    if (level == SignatureLevel.PAdES_BASELINE_LT) {
      PAdESService service = new PAdESService(verifier);
      service.setTspSource(tsp);
      PAdESSignatureParameters extension = new PAdESSignatureParameters();
      extension.setSignatureLevel(level);
      extension.setDigestAlgorithm(DigestAlgorithm.SHA256);
      document = bytes(service.extendDocument(new InMemoryDocument(document, "paper.pdf"), extension));
    }
    return new Signed(document, level);
  }

  /**
   * One signer's revision of a loaded paper: a signature field over the signer's block on the footer's page, the
   * changes written once as an incremental update with room for the CMS, the CMS built by DSS over the digest of the
   * signed byte range and written into the room.
   */
  private byte[] signRevision(PDDocument doc, int size, Signer s, PDRectangle block, int pageIndex, SignatureLevel level,
      ExternalCMSService cms, Instant at) throws IOException {
    PAdESSignatureParameters p = parameters(s, level, at);
    try (SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(s.name());
      signature.setReason(s.role() + " — " + s.agency());
      signature.setLocation("Việt Nam");
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone(Texts.ZONE));
      when.setTimeInMillis(at.toEpochMilli());
      signature.setSignDate(when);
      options.setPreferredSignatureSize(level == SignatureLevel.PAdES_BASELINE_B ? CMS_SPACE_B : CMS_SPACE_T);
      options.setPage(pageIndex);
      doc.addSignature(signature, options);
      placeField(doc, signature, block);
      ByteArrayOutputStream out = new ByteArrayOutputStream(size + 2 * CMS_SPACE_T + 32_768);
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
      DSSMessageDigest digest = new DSSMessageDigest(DigestAlgorithm.SHA256, sha256(external.getContent()));
      ToBeSigned data = cms.getDataToSign(digest, p);
      SignatureValue value = ports.get(s.key().adapter()).sign(s.key(), data, p.getDigestAlgorithm());
      external.setSignature(bytes(cms.signMessageDigest(digest, p, value)));
      return out.toByteArray();
    }
  }

  /** What DSS puts into the CMS: the certificate and its chain, the claimed role, the level. */
  private PAdESSignatureParameters parameters(Signer s, SignatureLevel level, Instant at) {
    CheckedCertificates.Tokens tokens = checkedCertificates.tokens(s.key());
    PAdESSignatureParameters p = new PAdESSignatureParameters();
    p.setSignatureLevel(level);
    p.setDigestAlgorithm(DigestAlgorithm.SHA256);
    p.setSigningCertificate(tokens.signing());
    p.setCertificateChain(tokens.path());
    p.bLevel().setSigningDate(Date.from(at));
    p.bLevel().setClaimedSignerRoles(List.of(s.role()));
    return p;
  }

  /**
   * The signature's widget over the signer's block (PDFBox adds an invisible one): a reader shows the signature's
   * details where the block is printed. The block itself is page content, drawn before the first signature, so every
   * signature covers every block; the widget's own appearance is empty.
   */
  private static void placeField(PDDocument doc, PDSignature signature, PDRectangle block) throws IOException {
    for (PDSignatureField field : doc.getSignatureFields()) {
      if (field.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(block);
        PDAppearanceStream empty = new PDAppearanceStream(doc);
        empty.setBBox(new PDRectangle(block.getWidth(), block.getHeight()));
        empty.setResources(new PDResources());
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(empty);
        widget.setAppearance(appearance);
        widget.setPrinted(true);
        return;
      }
    }
    throw new IllegalStateException("PDFBox added no signature field");
  }

  private static byte[] sha256(InputStream content) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = content.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(DSSDocument document) {
    try (InputStream in = document.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 0-based page of the signature blocks and each signer's block, right to left. */
  private record Footer(int page, List<PDRectangle> blocks) {}

  /**
   * Draws the verification line with its QR code and every signer's block at the foot of the last page, on a new page
   * of the same size when the text reaches the foot band. The loaded paper is changed, not saved: the first signer's
   * revision writes it.
   */
  private static Footer stampFooter(PDDocument doc, PdfFonts.Lease lease, String verifyUrl, List<Signer> signers,
      Instant at) throws IOException {
    try {
      int last = doc.getNumberOfPages() - 1;
      PDPage page = doc.getPage(last);
      float lowest = recordedBottom(doc).orElse(Float.NaN);
      if (Float.isNaN(lowest)) {
        lowest = lowestText(doc, last + 1); // a PDF not laid out by OneStop (an uploaded result)
      }
      PDRectangle box = page.getMediaBox();
      // on a narrow page (A5 with two signers) the QR code goes above the signature blocks, not beside them
      boolean stacked = 2 * MARGIN + QR + 130 + signers.size() * (BLOCK_WIDTH + 6) > box.getWidth();
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
      List<PDRectangle> blocks = new ArrayList<>();
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
        for (int i = 0; i < signers.size(); i++) {
          PDRectangle block = new PDRectangle(box.getWidth() - MARGIN - (i + 1) * BLOCK_WIDTH - i * 6, MARGIN,
              BLOCK_WIDTH, BAND - 8);
          drawBlock(cs, font, signers.get(i), block, at);
          blocks.add(block);
        }
      }
      return new Footer(last, blocks);
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode the verification QR code", e);
    }
  }

  /**
   * A signer's visible block: "Ký bởi" with the name, the role, the agency, the time of signing (and the demo mark),
   * in red on a light background, wrapped to the block and made smaller when a long agency name needs it.
   */
  private static void drawBlock(PDPageContentStream cs, PDType0Font font, Signer s, PDRectangle block, Instant at)
      throws IOException {
    float pad = 3;
    List<String> paragraphs = new ArrayList<>(List.of("Ký bởi: " + s.name(), s.role(), s.agency(),
        "Thời gian ký: " + Texts.dateTime(at)));
    if (s.key().demo()) {
      paragraphs.add(DemoCertificateAuthority.DEMO_MARK);
    }
    float size = 6.5f;
    List<String> lines;
    do {
      lines = new ArrayList<>();
      for (String paragraph : paragraphs) {
        lines.addAll(PdfCanvas.lines(paragraph, font, size, block.getWidth() - 2 * pad));
      }
    } while (lines.size() * (size + 1.5f) > block.getHeight() - 2 * pad && (size -= 0.5f) >= 4f);
    cs.setNonStrokingColor(BLOCK_BACKGROUND);
    cs.addRect(block.getLowerLeftX(), block.getLowerLeftY(), block.getWidth(), block.getHeight());
    cs.fill();
    cs.setNonStrokingColor(BLOCK_TEXT);
    float y = block.getUpperRightY() - pad - size;
    for (String line : lines) {
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(block.getLowerLeftX() + pad, y);
      cs.showText(line);
      cs.endText();
      y -= size + 1.5f;
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
