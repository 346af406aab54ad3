package org.egovca.it.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.egovca.it.Commands;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium, driven by Selenium through Debian's chromedriver, that logs in to the
 * RA console the way an operator does: it presents a TLS client certificate (mutual TLS) and trusts
 * the server's TLS certificate through its own NSS database, with no certificate error ignored.
 *
 * <p>Each instance is isolated: its own temporary {@code HOME} holding the NSS database ({@code
 * $HOME/.pki/nssdb}, where Chromium on Linux looks for client keys and user trust anchors), its own
 * {@code --user-data-dir} and its own chromedriver on a free port; instances with different
 * certificates can run one after another or at the same time. The NSS database holds exactly one
 * key, and the profile's content setting {@code auto_select_certificate} (what the
 * AutoSelectCertificateForUrls policy sets, here per profile instead of machine-wide in {@code
 * /etc/chromium/policies}) makes Chromium send it whenever a server asks, without the selection
 * dialog that headless Chromium cannot answer (the page would never load). The old {@code
 * --auto-ssl-client-auth} switch is gone from current Chromium.
 *
 * <p>Needs the Debian packages {@code chromium}, {@code chromium-driver} and {@code libnss3-tools}
 * ({@code certutil}, {@code pk12util}). Selenium Manager is never used: both executables are given
 * explicitly, so nothing is downloaded.
 *
 * <pre>{@code
 * try (OperatorBrowser browser =
 *     OperatorBrowser.builder()
 *         .clientCertificate(operatorP12, password)
 *         .trustAnchor(server.dataDirectory().resolve("tls-ca.pem"))
 *         .language("zh-CN")
 *         .start()) {
 *   browser.open(server.httpsBase() + "/ra/");
 *   browser.waitForText(By.tagName("h1"), "...");
 *   browser.screenshot(Path.of("target/screenshots/ra-home.png"));
 * }
 * }</pre>
 */
public final class OperatorBrowser implements AutoCloseable {

  /** Chromium's real binary (the {@code /usr/bin/chromium} wrapper script adds Debian's flags). */
  public static final Path DEFAULT_CHROMIUM =
      Files.isExecutable(Path.of("/usr/lib/chromium/chromium"))
          ? Path.of("/usr/lib/chromium/chromium")
          : Path.of("/usr/bin/chromium");

  public static final Path DEFAULT_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Path home;
  private final String language;
  private final Duration timeout;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private OperatorBrowser(Builder builder) throws IOException, InterruptedException {
    this.language = builder.language;
    this.timeout = builder.timeout;
    this.home = Files.createTempDirectory("egovca-browser-");
    ChromeDriverService startedService = null;
    try {
      prepareNssDatabase(builder);
      startedService =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(builder.chromedriver.toFile())
              .usingAnyFreePort()
              .withEnvironment(environment())
              .withLogFile(home.resolve("chromedriver.log").toFile())
              .build();
      this.service = startedService;
      this.driver = new ChromeDriver(service, options(builder));
      driver.manage().timeouts().pageLoadTimeout(timeout);
      driver.manage().timeouts().scriptTimeout(timeout);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      if (startedService != null) {
        startedService.stop();
      }
      deleteRecursively(home);
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand: an operator's browser with its PKCS#12 credential, trusting one TLS anchor. */
  public static OperatorBrowser start(
      Path p12, char[] password, Path trustAnchorPem, String language)
      throws IOException, InterruptedException {
    return builder()
        .clientCertificate(p12, password)
        .trustAnchor(trustAnchorPem)
        .language(language)
        .start();
  }

  /** The Selenium driver, for anything the helpers below do not cover. */
  public ChromeDriver driver() {
    return driver;
  }

  /** The browser language ({@code --lang} and the first {@code Accept-Language}), e.g. zh-CN. */
  public String language() {
    return language;
  }

  /** This browser's temporary HOME (NSS database, profile, chromedriver.log); gone on close. */
  public Path home() {
    return home;
  }

  /** Loads a page and waits until its document is complete. */
  public void open(String url) {
    driver.get(url);
    waitForPageLoad();
  }

  /** Saves what the window shows (1366x900) as PNG; parent directories are created. */
  public Path screenshot(Path png) {
    return write(png, driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Saves the whole page, beyond the window's height, as PNG (DevTools' captureBeyondViewport).
   * Afterwards Chromium keeps the page's scrollbar hidden in later screenshots.
   */
  @SuppressWarnings("unchecked")
  public Path fullPageScreenshot(Path png) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip = new LinkedHashMap<>();
    clip.put("x", 0);
    clip.put("y", 0);
    clip.put("width", ((Number) size.get("width")).doubleValue());
    clip.put("height", ((Number) size.get("height")).doubleValue());
    clip.put("scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    return write(png, Base64.getDecoder().decode((String) shot.get("data")));
  }

  /**
   * Saves a screenshot and the page source as {@code name.png} and {@code name.html} in {@code
   * directory}, for a failing test's report.
   */
  public void saveDiagnostics(Path directory, String name) {
    screenshot(directory.resolve(name + ".png"));
    write(
        directory.resolve(name + ".html"), driver.getPageSource().getBytes(StandardCharsets.UTF_8));
  }

  /** The visible text of the whole page. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** A wait with this browser's timeout that polls through stale elements and missing ones. */
  public WebDriverWait await() {
    return await(timeout);
  }

  public WebDriverWait await(Duration duration) {
    WebDriverWait wait = new WebDriverWait(driver, duration, Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(NoSuchElementException.class);
    return wait;
  }

  /** Waits until the condition returns neither null nor false, and returns its value. */
  public <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return await().until(condition);
  }

  public WebElement waitVisible(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement waitClickable(By locator) {
    return waitUntil(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Waits until the element's visible text contains {@code text}; returns the element. */
  public WebElement waitForText(By locator, String text) {
    waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    return driver.findElement(locator);
  }

  /** Waits until the page's visible text contains {@code text}. */
  public void waitForPageText(String text) {
    waitForText(By.tagName("body"), text);
  }

  public void waitForUrlContaining(String fragment) {
    waitUntil(ExpectedConditions.urlContains(fragment));
  }

  /** Waits until {@code document.readyState} is complete. */
  public void waitForPageLoad() {
    waitUntil(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Waits until the page has no Ajax request in flight: PrimeFaces' queue is empty and jQuery is
   * idle (a page without them counts as idle once loaded).
   */
  public void waitForAjax() {
    waitUntil(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (typeof PrimeFaces === 'undefined' || !PrimeFaces.ajax"
                            + "     || !PrimeFaces.ajax.Queue || PrimeFaces.ajax.Queue.isEmpty())"
                            + " && (typeof jQuery === 'undefined' || jQuery.active === 0);")));
  }

  /** Waits until clickable, clicks, then waits for the page and any Ajax request to settle. */
  public void click(By locator) {
    waitClickable(locator).click();
    waitForAjax();
  }

  /** Waits until visible, clears the field and types {@code text}. */
  public void type(By locator, String text) {
    WebElement field = waitVisible(locator);
    field.clear();
    field.sendKeys(text);
  }

  /** Runs JavaScript in the page. */
  public Object script(String javascript, Object... arguments) {
    return driver.executeScript(javascript, arguments);
  }

  /** Quits Chromium and chromedriver and deletes the temporary HOME. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(home);
    }
  }

  private void prepareNssDatabase(Builder builder) throws IOException, InterruptedException {
    Path nssdb = Files.createDirectories(home.resolve(".pki").resolve("nssdb"));
    String database = "sql:" + nssdb;
    run("certutil", "-N", "-d", database, "--empty-password");
    if (builder.p12 != null) {
      Path passwordFile = home.resolve("p12.password");
      Files.createFile(
          passwordFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(passwordFile, new String(builder.p12Password) + "\n");
        run(
            "pk12util",
            "-i",
            builder.p12.toString(),
            "-d",
            database,
            "-w",
            passwordFile.toString());
      } finally {
        Files.delete(passwordFile);
      }
    }
    int n = 0;
    for (Path pem : builder.trustAnchors) {
      for (Certificate anchor : certificates(pem)) {
        Path der = home.resolve("anchor-" + n + ".der");
        try {
          Files.write(der, anchor.getEncoded());
          run(
              "certutil",
              "-A",
              "-d",
              database,
              "-n",
              "trust-anchor-" + n,
              "-t",
              "C,,",
              "-i",
              der + "");
        } catch (CertificateException e) {
          throw new IllegalArgumentException(pem + ": " + e.getMessage(), e);
        } finally {
          Files.deleteIfExists(der);
        }
        n++;
      }
    }
  }

  private static Collection<? extends Certificate> certificates(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(pem + " holds no certificate");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(pem + ": " + e.getMessage(), e);
    }
  }

  private Map<String, String> environment() {
    // Chromium finds its NSS database under $HOME; XDG dirs keep caches out of the real HOME.
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOME", home.toString());
    environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    // on Linux the UI locale (navigator.language) follows LANGUAGE rather than --lang
    environment.put("LANGUAGE", language.replace('-', '_'));
    return environment;
  }

  private ChromeOptions options(Builder builder) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(builder.chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-proxy-server",
        "--password-store=basic",
        "--window-size=1366,900",
        "--lang=" + language,
        "--user-data-dir=" + home.resolve("profile"));
    options.addArguments(builder.extraArguments);
    Map<String, Object> preferences = new LinkedHashMap<>();
    preferences.put("intl.accept_languages", acceptLanguages(language));
    // The profile's own AutoSelectCertificateForUrls: on every site, a server's certificate request
    // is answered with the first matching certificate ({} matches any) instead of a dialog. The
    // NSS database holds one key, so that is the operator's.
    preferences.put(
        "profile.content_settings.exceptions.auto_select_certificate",
        Map.of("*,*", Map.of("setting", Map.of("filters", List.of(Map.of())))));
    preferences.put("credentials_enable_service", false);
    preferences.put("profile.password_manager_enabled", false);
    options.setExperimentalOption("prefs", preferences);
    options.setAcceptInsecureCerts(false);
    options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
    return options;
  }

  /** zh-CN gives "zh-CN,zh", en-US gives "en-US,en", en gives "en". */
  static String acceptLanguages(String language) {
    int dash = language.indexOf('-');
    return dash < 0 ? language : language + "," + language.substring(0, dash);
  }

  private void run(String... command) throws IOException, InterruptedException {
    Commands.ok(home, command);
  }

  private static Path write(Path file, byte[] content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Chromium's last writes can race the walk: a leftover temp directory is harmless
    }
  }

  /** Options of a browser; only {@link #start()} has side effects. */
  public static final class Builder {
    private Path p12;
    private char[] p12Password;
    private final List<Path> trustAnchors = new ArrayList<>();
    private String language = "en-US";
    private Duration timeout = DEFAULT_TIMEOUT;
    private Path chromium =
        Path.of(System.getProperty("egovca.it.chromium", DEFAULT_CHROMIUM + ""));
    private Path chromedriver =
        Path.of(System.getProperty("egovca.it.chromedriver", DEFAULT_CHROMEDRIVER + ""));
    private final List<String> extraArguments = new ArrayList<>();

    private Builder() {}

    /**
     * The operator's PKCS#12 (key and certificate, optionally its chain). Without one the browser
     * presents no certificate (for tests of refused access).
     */
    public Builder clientCertificate(Path p12, char[] password) {
      this.p12 = Objects.requireNonNull(p12);
      this.p12Password = password.clone();
      return this;
    }

    /** A PEM file of one or more CA certificates trusted for server TLS certificates. */
    public Builder trustAnchor(Path pem) {
      trustAnchors.add(Objects.requireNonNull(pem));
      return this;
    }

    /** A BCP 47 tag such as {@code zh-CN} or {@code en-US} (default en-US). */
    public Builder language(String tag) {
      this.language = Locale.forLanguageTag(tag).toLanguageTag();
      return this;
    }

    /** Timeout of the waits, the page loads and scripts (default 30 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    public Builder chromium(Path binary) {
      this.chromium = Objects.requireNonNull(binary);
      return this;
    }

    public Builder chromedriver(Path executable) {
      this.chromedriver = Objects.requireNonNull(executable);
      return this;
    }

    /** More Chromium switches, after the harness's own. */
    public Builder argument(String... arguments) {
      extraArguments.addAll(List.of(arguments));
      return this;
    }

    /** Prepares the NSS database and starts chromedriver and Chromium (a few seconds). */
    public OperatorBrowser start() throws IOException, InterruptedException {
      if (trustAnchors.isEmpty()) {
        throw new IllegalStateException("no trust anchor: the server's TLS CA must be trusted");
      }
      return new OperatorBrowser(this);
    }
  }
}
