package cn.smartaffairs.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Selenium by the system ChromeDriver. Both paths are given
 * explicitly so that Selenium Manager never looks for (or downloads) a browser of its own; {@code bin/ensure-chromium}
 * installs them. Each browser gets a fresh profile and its own download folder; {@link #close()} quits it.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(50);

  private final String baseUrl;
  private final Path profile;
  private final Path downloads;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Thread quitOnExit;

  private Browser(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    this.profile = Files.createTempDirectory("affairs-chromium-profile");
    this.downloads = Files.createTempDirectory("affairs-chromium-downloads");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1366,900");
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "download.directory_upgrade", true,
        "safebrowsing.enabled", false));
    // The console's errors (script errors, refused resources, content-security-policy refusals) can be read back.
    var logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.SEVERE);
    options.setCapability("goog:loggingPrefs", logging);
    this.service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    ChromeDriver started;
    try {
      started = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteQuietly(profile);
      deleteQuietly(downloads);
      throw e;
    }
    this.driver = started;
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // Before any script of a page runs, collect what the page's content security policy refuses (the listener is
    // installed by the browser itself, so the policy does not apply to it).
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_POLICY_VIOLATIONS));
    // Should a test run be stopped before close(), still leave no browser behind.
    this.quitOnExit = new Thread(this::quit, "quit-chromium");
    Runtime.getRuntime().addShutdownHook(quitOnExit);
  }

  /** Starts a browser for the application at {@code baseUrl} (such as {@code http://localhost:8080}). */
  public static Browser start(String baseUrl) {
    try {
      return new Browser(baseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String RECORD_POLICY_VIOLATIONS = """
      window.__policyViolations = [];
      document.addEventListener('securitypolicyviolation', function (e) {
        window.__policyViolations.push(e.violatedDirective + ' refused ' + (e.blockedURI || 'inline code')
            + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '') + (e.sample ? ' (' + e.sample + ')' : ''));
      });
      """;

  /** What the content security policy refused on the current page since it was loaded. */
  @SuppressWarnings("unchecked")
  public List<String> policyViolations() {
    Object found = driver.executeScript("return window.__policyViolations || []");
    return ((List<Object>) found).stream().map(String::valueOf).toList();
  }

  /** The errors the browser console received since the last call (the browser clears what it hands out). */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Signs in through the login form with the demo password and waits for the home page. */
  public void signInAs(String username) {
    open("/login");
    visible("#username").sendKeys(username);
    find("#password").sendKeys(ApiClient.DEMO_PASSWORD);
    clickAndWaitForPage("#sign-in");
    visible("#welcome");
  }

  /** Opens a path of the application, as typed into the address bar. */
  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
  }

  public WebElement find(String cssSelector) {
    return driver.findElement(By.cssSelector(cssSelector));
  }

  public List<WebElement> findAll(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector));
  }

  /**
   * Waits (up to 15 s) until the condition holds, and returns its value. It asks every 50 ms: Selenium's default of
   * half a second made each wait for a page's htmx part cost about that much in every browser test.
   */
  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT, POLL).until(condition);
  }

  /** Waits until the element is shown and returns it. */
  public WebElement visible(String cssSelector) {
    return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
  }

  /** Clicks the element and waits until the browser has loaded the page the click led to. */
  public void clickAndWaitForPage(String cssSelector) {
    WebElement html = find("html");
    reveal(cssSelector).click();
    await(d -> isGone(html));
    await(d -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  /**
   * Whether the element has left the document. Chromium answers a question about an element whose page is being
   * replaced either as stale or, mid-navigation, with an inspector error saying the node no longer belongs to the
   * document; both mean the old page is gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException stale) {
      return true;
    } catch (WebDriverException lost) {
      if (String.valueOf(lost.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw lost;
    }
  }

  /**
   * Makes an element clickable as a person would: unfolds the side-menu group that holds it and scrolls it into the
   * middle of the window.
   */
  public WebElement reveal(String cssSelector) {
    WebElement element = find(cssSelector);
    driver.executeScript("const group = arguments[0].closest('details'); if (group && !group.open) group.open = true;",
        element);
    scrollTo(cssSelector);
    return element;
  }

  /** Scrolls the element into the middle of the window at once (Bootstrap turns on smooth scrolling). */
  public void scrollTo(String cssSelector) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", find(cssSelector));
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves what the browser shows to {@code target/screenshots/NAME.png} and returns the file. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path downloads() {
    return downloads;
  }

  /** Waits until a download whose name ends with {@code suffix} has finished and returns it. */
  public Path awaitDownload(String suffix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastSize = -1;
    while (System.nanoTime() < deadline) {
      Optional<Path> file = finishedDownload(suffix);
      if (file.isPresent()) {
        long size = size(file.get());
        // Chromium renames the file when it is complete; a steady size guards against a slow final flush.
        if (size > 0 && size == lastSize) {
          return file.get();
        }
        lastSize = size;
      }
      sleep(200);
    }
    throw new AssertionError("no finished *" + suffix + " download in " + downloads + " after " + timeout
        + "; the folder holds " + listing());
  }

  private Optional<Path> finishedDownload(String suffix) {
    try (Stream<Path> files = Files.list(downloads)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> listing() {
    try (Stream<Path> files = Files.list(downloads)) {
      return files.map(f -> f.getFileName().toString()).toList();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    quit();
    try {
      Runtime.getRuntime().removeShutdownHook(quitOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; nothing left to undo.
    }
  }

  private synchronized void quit() {
    try {
      driver.quit();
    } catch (RuntimeException e) {
      // Already gone; still stop the driver process and clean up below.
    } finally {
      if (service.isRunning()) {
        service.stop();
      }
      deleteQuietly(profile);
      deleteQuietly(downloads);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
