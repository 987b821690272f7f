package org.proposalhandling.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests, its language set to Chinese the way a clerk's browser is
 * (headless Chromium ignores --lang; the accept-languages preference works). Screenshots go to
 * target/screenshots as build artefacts.
 */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final WebDriverWait wait;

  public Browser() {
    this(Map.of(), CHINESE, false);
  }

  /** A browser whose clock reads in this zone (TZ of chromedriver and so of Chromium), e.g. UTC. */
  public static Browser inZone(String zone) {
    return new Browser(Map.of("TZ", zone), CHINESE, false);
  }

  /**
   * A browser in this zone that keeps the status of every response it receives, pages, scripts and the XHRs of
   * Tasklist alike ({@link #serverErrors()}); only the walks pay for the log. Its language is English, as a
   * visitor's may be: every page must still read Chinese.
   */
  public static Browser inZoneRecordingResponses(String zone) {
    return new Browser(Map.of("TZ", zone), "en-US,en", true);
  }

  private static final String CHINESE = "zh-CN,zh";

  private Browser(Map<String, String> environment, String languages, boolean recordResponses) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + tempDir());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    if (recordResponses) {
      options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
      options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).withEnvironment(environment).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * The responses of 500 and above received since the last call ("500 GET http://…"), from Chromium's network
   * log; only for a browser {@link #inZoneRecordingResponses recording responses}.
   */
  public List<String> serverErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = readJson(entry.getMessage()).path("message");
      JsonNode response = message.path("params").path("response");
      if ("Network.responseReceived".equals(message.path("method").asText()) && response.path("status").asInt() >= 500) {
        errors.add(response.path("status").asInt() + " " + response.path("url").asText());
      }
    }
    return errors;
  }

  private static JsonNode readJson(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Visible, reloading the page once if it is not within the wait: on a loaded machine Tasklist opened on a task's
   * address has once left its form unrendered for 30 s (CountersignBrowserTest in CI), which a reload renders.
   */
  public WebElement visibleAfterOneReload(By by) {
    try {
      return visible(by);
    } catch (org.openqa.selenium.TimeoutException notYet) {
      driver.navigate().refresh();
      return visible(by);
    }
  }

  public void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public void waitUntil(java.util.function.Supplier<Boolean> condition) {
    wait.until(ignored -> condition.get());
  }

  /** The values of the fields of the Camunda Form on the page (read-only fields hold the item's data). */
  public String formValues() {
    return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea')).map(f => f.value).join('\\n');"));
  }

  /** Types into the form field with this label (a Camunda Form's text field or text area). */
  public void type(String label, String text) {
    field(label).sendKeys(text);
  }

  /** Picks an option of the Camunda Form's select with this label (form-js draws its own drop-down). */
  public void choose(String label, String option) {
    visible(By.xpath(labelled(label) + "/following::*[contains(@class,'fjs-input-group')][1]")).click();
    // A searchable select narrows its list to the option typed: a list of all the directory's units runs below the window.
    WebElement active = driver.switchTo().activeElement();
    if ("input".equals(active.getTagName())) {
      active.sendKeys(option);
    }
    visible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']")).click();
  }

  private WebElement field(String label) {
    return visible(By.xpath(labelled(label) + "/following::*[self::input or self::textarea][1]"));
  }

  private static String labelled(String label) {
    return "//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']";
  }

  /** Signs in on the one login form (any protected page, a webapp's included, leads there first). */
  public void login(String user, String password) {
    visible(By.cssSelector("input[name='username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  public Path screenshot(String name) {
    try {
      Path target = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("chromium-test").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
