package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovca.it.CaServer;
import org.egovca.it.browser.OperatorBrowser;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * One operator at the RA console: a headless Chromium holding the operator's client certificate,
 * their user name and current password, and the steps every test repeats (log in, open a page, fill
 * and submit a form), each followed by the checks that hold on every page: no script dialog opened
 * and no stack trace shown.
 */
final class Console implements AutoCloseable {

  /** What a Java stack trace on a page would contain. */
  private static final Pattern STACK_TRACE =
      Pattern.compile("Exception|\\bat (org|java|jakarta|com|sun|fish)\\.");

  private static final Pattern APPLICATION_ID = Pattern.compile("[?&]id=(\\d+)");

  final String username;
  private final CaServer server;
  private final OperatorBrowser browser;
  private String password;

  Console(CaServer server, String username, String password, Path p12, char[] p12Password)
      throws IOException, InterruptedException {
    this.server = server;
    this.username = username;
    this.password = password;
    this.browser =
        OperatorBrowser.builder()
            .clientCertificate(p12, p12Password)
            .trustAnchor(server.tlsCaPem())
            .language("zh-CN")
            .start();
  }

  ChromeDriver driver() {
    return browser.driver();
  }

  OperatorBrowser browser() {
    return browser;
  }

  String password() {
    return password;
  }

  String url(String page) {
    return server.consoleBase() + page;
  }

  /** Opens a console page ({@code index.xhtml}, {@code application.xhtml?id=3}, ...). */
  void open(String page) {
    browser.open(url(page));
    assertClean();
  }

  /** Logs in with this operator's certificate and password; fails unless the login succeeds. */
  void login() {
    attemptLogin(username, password);
    assertFalse(onLoginPage(), username + " could not log in: " + messages());
  }

  /**
   * Logs in again when this operator's session ended meanwhile: test classes share the browsers,
   * and a class that runs more than the 15 idle minutes after the last one finds the console asking
   * for the password again. A live session is kept as it is.
   */
  void keepLoggedIn() {
    browser.open(url("index.xhtml"));
    if (onLoginPage()) {
      login();
    }
  }

  /** Types a user name and password on the login page and submits them. */
  void attemptLogin(String user, String secret) {
    browser.open(url("login.xhtml"));
    type(By.id("login:username"), user);
    type(By.id("login:password"), secret);
    submit(By.id("login:submit"));
  }

  boolean onLoginPage() {
    return driver().getCurrentUrl().contains("/login.xhtml");
  }

  /** Replaces the current password on the change-password page; fails unless accepted. */
  void changePassword(String chosen) {
    attemptPasswordChange(password, chosen);
    assertTrue(
        driver().getCurrentUrl().contains("/index.xhtml"),
        "password change refused: " + messages() + " " + fieldError("password:newPassword"));
    password = chosen;
  }

  /** Submits the change-password form with the current password and a candidate new one. */
  void attemptPasswordChange(String current, String chosen) {
    if (!driver().getCurrentUrl().contains("/change-password.xhtml")) {
      open("change-password.xhtml");
    }
    type(By.id("password:currentPassword"), current);
    type(By.id("password:newPassword"), chosen);
    type(By.id("password:repeatPassword"), chosen);
    submit(By.id("password:submit"));
  }

  void logout() {
    submit(By.id("header:logout"));
    assertTrue(onLoginPage(), "logout did not lead to the login page");
  }

  void type(By locator, String text) {
    browser.type(locator, text);
  }

  void type(String id, String text) {
    type(By.id(id), text);
  }

  /**
   * Sets a field's value by script, as pasting would: for long texts (typing 5000 characters is
   * slow) and characters a keyboard cannot type (NUL, BEL).
   */
  void setValue(String id, String value) {
    WebElement field = browser.waitVisible(By.id(id));
    browser.script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        field,
        value);
  }

  /** Chooses an option of a native select by value; waits for the Ajax update it may start. */
  void select(String id, String value) {
    new Select(browser.waitVisible(By.id(id))).selectByValue(value);
    browser.waitForAjax();
  }

  /** Sets a checkbox to {@code checked}. */
  void check(By locator, boolean checked) {
    WebElement box = browser.waitClickable(locator);
    if (box.isSelected() != checked) {
      box.click();
    }
  }

  /** Attaches a file to a file input. */
  void attach(String id, Path file) {
    driver().findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Clicks a button that submits the whole page and waits for the next page to load. */
  void submit(By button) {
    // the old document carries a mark; the next one, loaded from the server, does not
    browser.script("window.egovcaOldDocument = true;");
    browser.waitClickable(button).click();
    browser.waitUntil(
        d -> {
          try {
            return Boolean.TRUE.equals(
                driver()
                    .executeScript(
                        "return window.egovcaOldDocument !== true"
                            + " && document.readyState === 'complete';"));
          } catch (UnhandledAlertException dialog) {
            throw new AssertionError("a script dialog opened: " + dialog.getAlertText(), dialog);
          } catch (WebDriverException navigating) {
            // the page is being replaced
            return false;
          }
        });
    assertClean();
  }

  void submit(String id) {
    submit(By.id(id));
  }

  /** The visible text of an element. */
  String text(String id) {
    return browser.waitVisible(By.id(id)).getText().strip();
  }

  /** The text content of an element, including what is not rendered (a PEM block). */
  String content(String id) {
    return ((String) browser.script("return arguments[0].textContent;", find(id))).strip();
  }

  WebElement find(String id) {
    return driver().findElement(By.id(id));
  }

  boolean present(String id) {
    return !driver().findElements(By.id(id)).isEmpty();
  }

  /** The messages at the top of the page (empty when there are none). */
  String messages() {
    List<WebElement> messages = driver().findElements(By.id("messages"));
    return messages.isEmpty() ? "" : messages.get(0).getText().strip();
  }

  /** The message shown next to the input {@code clientId} (empty when there is none). */
  String fieldError(String clientId) {
    List<WebElement> errors =
        driver()
            .findElements(
                By.xpath(
                    "//*[@id='"
                        + clientId
                        + "']/ancestor::div[contains(concat(' ', normalize-space(@class), ' '),"
                        + " ' control ')][1]//span[contains(@class, 'field-error')]"));
    StringBuilder text = new StringBuilder();
    for (WebElement error : errors) {
      text.append(text.isEmpty() ? "" : "\n").append(error.getText().strip());
    }
    return text.toString();
  }

  String pageText() {
    return browser.pageText();
  }

  String pageSource() {
    return driver().getPageSource();
  }

  /** The id of the application whose page is open. */
  long applicationId() {
    String url = driver().getCurrentUrl();
    assertTrue(url.contains("/application.xhtml"), "not an application page: " + url);
    Matcher matcher = APPLICATION_ID.matcher(url);
    assertTrue(matcher.find(), url);
    return Long.parseLong(matcher.group(1));
  }

  /** No script dialog is open, no stack trace and no error page is shown. */
  void assertClean() {
    assertNoAlert();
    String text = browser.pageText();
    Matcher trace = STACK_TRACE.matcher(text);
    if (trace.find()) {
      fail("the page shows a stack trace (" + trace.group() + "): " + text);
    }
    assertTrue(
        driver().findElements(By.id("error-text")).isEmpty(),
        "the console's error page is shown: " + text);
  }

  /** Fails if a script opened an alert, confirm or prompt dialog. */
  void assertNoAlert() {
    try {
      Alert alert = driver().switchTo().alert();
      String text = alert.getText();
      alert.dismiss();
      fail("a script dialog opened: " + text);
    } catch (NoAlertPresentException expected) {
      // no dialog: nothing ran
    }
  }

  /**
   * The hostile {@code literal} is on the page as text only: no dialog, no element made from it (no
   * {@code img} with src x, no element with an onerror handler, no script with alert(1)).
   */
  void assertInert() {
    assertNoAlert();
    assertEquals(
        0L,
        browser.script(
            "return document.querySelectorAll('img[src=\"x\"], img[src$=\"/x\"], [onerror]').length"
                + " + Array.from(document.scripts).filter(s => s.text.includes('alert(1)'))"
                + ".length;"),
        "an element was made of hostile input");
  }

  void screenshot(Path png) {
    browser.screenshot(png);
  }

  /** The whole page, from the top, without a focus ring: for the README. */
  void fullPageScreenshot(Path png) {
    browser.script(
        "if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
    browser.fullPageScreenshot(png);
  }

  void saveDiagnostics(Path directory, String name) {
    browser.saveDiagnostics(directory, name);
  }

  @Override
  public void close() {
    browser.close();
  }
}
