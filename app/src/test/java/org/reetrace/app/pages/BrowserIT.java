package org.reetrace.app.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reetrace.app.RunningAppIT;
import org.reetrace.app.demo.DemoLoader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the pages' tests: the whole application with the demo chain loaded, driven by a real headless Chromium
 * (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them). One browser serves every
 * test class of the JVM; each test starts signed out.
 *
 * <p>With {@code -Dreetrace.screenshots=DIR} the tests that call {@link #screenshot(String)} save PNGs there (the
 * pictures in {@code docs/pages.md} are made so).
 */
public abstract class BrowserIT extends RunningAppIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("reetrace.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("reetrace.chromedriver", "/usr/bin/chromedriver"));
    private static WebDriver browser;
    private static DemoLoader.Loaded demo;

    @Autowired
    private DemoLoader demoLoader;

    /**
     * The pages' tests load the demo and its simulated year, which would change what the API tests find: they get
     * an application and a database of their own (Spring caches one context per set of these sources).
     */
    @org.springframework.test.context.DynamicPropertySource
    static void pagesDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reetrace.test.application", () -> "pages");
    }

    @BeforeEach
    void freshBrowser() {
        synchronized (BrowserIT.class) {
            if (demo == null) {
                demo = demoLoader.load();
            }
            if (browser == null) {
                browser = start();
                Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
            }
        }
        browser.manage().deleteAllCookies();
    }

    private static WebDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the pages' tests need Chromium at " + CHROMIUM + " and its driver at "
                    + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--lang=en-GB", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    protected WebDriver browser() {
        return browser;
    }

    /** The demo's tokens: regulator, customs, auditor, magnet maker (OP-JOHOR-MAG) and separation plant (OP-PAHANG-RE). */
    protected DemoLoader.Loaded demo() {
        return demo;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens {@code path} in the browser. */
    protected void open(String path) {
        browser.get(url(path));
    }

    /** Signs in on the sign-in page with {@code token}, as a person would type it. */
    protected void signIn(String token) {
        if (!browser.getCurrentUrl().contains("/sign-in")) {
            open("/sign-in");
        }
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        field.submit();
        waitUntilLoaded();
    }

    /** Signs in and opens {@code path}. */
    protected void openAs(String token, String path) {
        open("/sign-in");
        signIn(token);
        open(path);
        waitUntilLoaded();
    }

    /**
     * Clicks what {@code selector} finds and waits for the page it leads to (a form's POST and its redirect): the
     * old page must be gone first, or the new page's address could be read before the browser has left.
     */
    protected void clickToNewPage(By selector) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(selector).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // stale, or (Chromium, mid-navigation) a node that no longer belongs to the document
                return true;
            }
        });
        waitUntilLoaded();
    }

    protected void waitUntilLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Waits until an element matching {@code selector} is visible, and gives it. */
    protected WebElement visible(By selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(selector));
    }

    /** The text of what {@code selector} finds, read again if htmx replaced the element meanwhile. */
    protected String text(By selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> visible(selector).getText());
    }

    /** The path (and query) the browser shows now. */
    protected String currentPath() {
        String current = browser.getCurrentUrl();
        return current.substring(url("").length());
    }

    /** Saves what the browser shows as {@code name}.png when screenshots were asked for; otherwise does nothing. */
    protected void screenshot(String name) {
        Optional<Path> folder = Optional.ofNullable(System.getProperty("reetrace.screenshots")).map(Path::of);
        if (folder.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(folder.get());
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.get().resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
