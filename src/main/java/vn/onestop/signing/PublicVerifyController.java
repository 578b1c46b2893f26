package vn.onestop.signing;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import vn.onestop.web.ApiException;

/**
 * Public verification of signed papers, no login: {@code POST /api/public/verify} (multipart
 * {@code file}) checks an uploaded PDF, {@code GET /api/public/verify/{code}} the paper a QR code
 * points at; the page {@code /tra-cuu/xac-thuc} (static/tra-cuu/xac-thuc/) does both for people.
 */
@Controller
public class PublicVerifyController {

  private final PaperVerifier verifier;

  public PublicVerifyController(PaperVerifier verifier) {
    this.verifier = verifier;
  }

  @PostMapping(path = "/api/public/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public PaperVerifier.Verification verify(@RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw ApiException.badRequest("file", "Chọn tệp PDF cần xác thực (trường 'file')");
    }
    return verifier.verify(file.getBytes());
  }

  @GetMapping(path = "/api/public/verify/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public PaperVerifier.Verification verifyCode(@PathVariable String code) {
    if (!code.matches("[A-Za-z0-9]{6,40}")) {
      throw ApiException.badRequest("code", "Mã xác thực không hợp lệ");
    }
    return verifier.verifyCode(code);
  }

  @GetMapping({"/tra-cuu/xac-thuc", "/tra-cuu/xac-thuc/"})
  public String page() {
    return "forward:/tra-cuu/xac-thuc/index.html";
  }
}
