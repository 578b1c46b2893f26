package vn.onestop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.Keys;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium in Vietnamese for a browser test (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them, a machine without them skips the test).
 *
 * <p>Single-page apps such as Tasklist keep re-laying the page out while data arrives: an element found
 * clickable can be covered a moment later (a form field growing above a radio button, a notification
 * sliding in). {@link #click} and {@link #choose} therefore find the element again and retry until the
 * click lands or the wait runs out, and {@link #choose} also checks that the choice was really taken.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;
  /** The texts of the pages remembered during the walk ({@link #remember()}). */
  private final java.util.List<String> seen = new java.util.ArrayList<>();

  private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** Skips the calling test (JUnit assumption) when Chromium or its driver is not installed. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
        "Skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
  }

  /** Opens a window of the given size (CSS pixels, scale factor 1); screenshots go to {@code screenshots}. */
  public static HeadlessChromium open(int width, int height, Path screenshots) throws IOException {
    return open(width, height, screenshots, "vi", null);
  }

  /**
   * As {@link #open(int, int, Path)} with the browser's language ({@code "en-US"} to check the Vietnamese fallback)
   * and, when {@code downloads} is given, files (PDFs too) saved there without asking instead of being shown.
   */
  public static HeadlessChromium open(int width, int height, Path screenshots, String language, Path downloads)
      throws IOException {
    assumeInstalled();
    Files.createDirectories(screenshots);
    Path profile = Files.createTempDirectory("onestop-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=" + language, "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
        "--user-data-dir=" + profile);
    Map<String, Object> prefs = new java.util.HashMap<>(Map.of("intl.accept_languages", language));
    if (downloads != null) {
      Files.createDirectories(downloads);
      prefs.putAll(Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
          "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
    }
    options.setExperimentalOption("prefs", prefs);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return new HeadlessChromium(driver, profile, screenshots);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** A wait of {@link #PATIENCE} that also ignores elements not found yet. */
  public WebDriverWait waiting() {
    return new WebDriverWait(driver, PATIENCE);
  }

  /** Clicks the element {@code by} finds, once it is shown, enabled and not covered by another one. */
  public void click(By by) {
    retrying().until(d -> {
      WebElement element = d.findElement(by);
      if (!element.isDisplayed() || !element.isEnabled()) {
        return false;
      }
      scrollToCentre(element);
      element.click();
      return true;
    });
  }

  /**
   * Picks the radio button or checkbox whose label contains {@code labelText} and waits until it is
   * really selected (a click on a label covered for a moment selects nothing).
   */
  public void choose(String labelText) {
    By label = By.xpath("//label[contains(normalize-space(),'" + labelText + "')]");
    retrying().until(d -> {
      WebElement labelElement = d.findElement(label);
      WebElement input = d.findElement(By.id(labelElement.getAttribute("for")));
      if (input.isSelected()) {
        return true;
      }
      scrollToCentre(labelElement);
      labelElement.click();
      return input.isSelected();
    });
  }

  /**
   * Signs in to Tasklist with Camunda's own form (asserting it speaks Vietnamese) and waits for the task list; waits
   * up to 90 s for the first page, which a busy machine builds slowly.
   */
  public void logInToTasklist(int port, String user, String password) {
    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebElement name = new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    org.assertj.core.api.Assertions.assertThat(driver.findElement(By.cssSelector("body")).getText())
        .as("the login page speaks Vietnamese").contains("Đăng nhập");
    name.sendKeys(user);
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(password);
    click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".start-process-action a")));
  }

  /**
   * Types into the Camunda Form field whose label starts with {@code label}: keys, not {@code clear()}, because
   * form-js keeps the value in its own state and only hears input events.
   */
  public void typeIntoField(String label, String value) {
    WebElement labelElement = waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//label[starts-with(normalize-space(),'" + label + "')]")));
    WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(value);
  }

  /** One step of a walk through the webapps. */
  public interface Step {
    void run() throws Exception;
  }

  /**
   * Runs a step; when it fails, keeps a screenshot named after it and prints the address, the browser's console
   * and what {@code context} adds (the page's text, the last pages seen), then fails.
   */
  public void step(String name, Step step, java.util.function.Supplier<String> context) throws Exception {
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      screenshot(name + "-failed");
      System.err.println("Step " + name + " failed at " + driver.getCurrentUrl() + "; browser console:\n"
          + consoleLog() + "\n" + context.get());
      throw e;
    }
  }

  /** The browser console's messages so far (for a failing step's report). */
  public String consoleLog() {
    try {
      StringBuilder log = new StringBuilder();
      driver.manage().logs().get("browser").forEach(entry -> log.append(entry.getLevel()).append(' ')
          .append(entry.getMessage()).append('\n'));
      return log.toString();
    } catch (RuntimeException e) {
      return "(no console log: " + e + ")";
    }
  }

  /** Keeps the text of the page shown now, for {@link #assertNoPageShows} and a failing step's report. */
  public void remember() {
    seen.add(driver.findElement(By.cssSelector("body")).getText());
  }

  /** The texts of the last {@code n} pages remembered. */
  public String lastSeen(int n) {
    return String.join("\n----\n", seen.subList(Math.max(0, seen.size() - n), seen.size()));
  }

  /** No page remembered shows any of these (English leftovers, raw codes, addresses of the API). */
  public void assertNoPageShows(java.util.List<java.util.regex.Pattern> forbidden) {
    for (String page : seen) {
      for (java.util.regex.Pattern pattern : forbidden) {
        org.assertj.core.api.Assertions.assertThat(pattern.matcher(page).find())
            .as("a page shows %s:%n%s", pattern, page).isFalse();
      }
    }
  }

  /** Saves a PNG of the viewport as {@code name.png}; a failure to save is reported, never thrown. */
  public void screenshot(String name) {
    try {
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      System.err.println("Screenshot " + name + " not saved: " + e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile);
    }
  }

  private FluentWait<org.openqa.selenium.WebDriver> retrying() {
    return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(200))
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(ElementNotInteractableException.class)
        .ignoring(StaleElementReferenceException.class);
  }

  private void scrollToCentre(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
