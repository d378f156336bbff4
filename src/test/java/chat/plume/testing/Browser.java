package chat.plume.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver (paths given explicitly: nothing is
 * downloaded). Each browser has a fresh profile, so no cookie or storage leaks between tests.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private final Path downloads;

    private Browser(String language) throws IOException {
        profile = Files.createTempDirectory("plume-chromium");
        downloads = Files.createTempDirectory("plume-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("plume.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,800",
                // A fake microphone and camera that need no permission prompt (voice messages, calls).
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                // Calls between browsers on this one machine: host candidates as plain addresses
                // (not mDNS names nobody here resolves), loopback included.
                "--allow-loopback-in-peer-connection",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        language,
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("plume.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public static Browser open(String language) {
        try {
            return new Browser(language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this browser saves downloads. */
    public Path downloads() {
        return downloads;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs an asynchronous script (it calls its last argument with the result) and returns the result. */
    public Object asyncScript(String script, Duration timeout) {
        driver.manage().timeouts().scriptTimeout(timeout);
        return driver.executeAsyncScript(script);
    }

    /**
     * Clicks what {@code target} finds once it is clickable; if the page re-renders it between the
     * lookup and the click (a live header, a list), it is looked up and clicked again.
     */
    public void click(By target) {
        waiting().until(d -> {
            WebElement element = d.findElement(target);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Waits up to 20 s; the page re-renders live, so an element replaced meanwhile is looked up again. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs a person in through the page and waits until the page is connected. */
    public WebDriver signIn(URL url, Person person) {
        return signIn(url, person.username(), "pass-" + person.username());
    }

    /** Signs in with a username and password through the page and waits until it is connected. */
    public WebDriver signIn(URL url, String username, String password) {
        driver.get(url.toString());
        waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")))
                .sendKeys(username);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#form-signin button[type=submit]")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
        return driver;
    }

    /**
     * Signs in an account with two-factor authentication: the password, then the code the page
     * asks for next (taken when asked, so it is fresh), and waits until the page is connected.
     */
    public WebDriver signIn(URL url, String username, String password, Supplier<String> code) {
        driver.get(url.toString());
        waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")))
                .sendKeys(username);
        driver.findElement(By.id("signin-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#form-signin button[type=submit]")).click();
        waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-code")))
                .sendKeys(code.get());
        driver.findElement(By.cssSelector("#form-signin button[type=submit]")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
        return driver;
    }

    /** Every visible button, input and select has an accessible name, as assistive technology computes it. */
    public void assertEveryControlIsNamed() {
        // With a modal dialog open the rest of the page is inert, out of the accessibility tree
        // (no names at all): what can be reached then is the dialog's.
        List<WebElement> modal = driver.findElements(By.cssSelector("dialog[open]"));
        SearchContext scope = modal.isEmpty() ? driver : modal.get(modal.size() - 1);
        for (WebElement control : scope.findElements(By.cssSelector("button, input, select, textarea, [role=tab]"))) {
            if (control.isDisplayed()) {
                Assertions.assertThat(control.getAccessibleName())
                        .as("accessible name of %s#%s", control.getTagName(), control.getAttribute("id"))
                        .isNotBlank();
            }
        }
    }

    /**
     * Opens an address of the page signed out, signs in with the keyboard only (typing, Tab,
     * Enter) and waits until the page is connected: the address is kept through the sign-in.
     */
    public WebDriver signInAt(URL url, String route, Person person) {
        driver.get(url.toString().replaceAll("/$", "") + "/" + route);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username")));
        waiting().until(d -> "signin-username".equals(focused()));
        driver.switchTo().activeElement().sendKeys(person.username(), Keys.TAB);
        driver.switchTo().activeElement().sendKeys("pass-" + person.username(), Keys.ENTER);
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
        return driver;
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Opens an address of the page (a hash route such as {@code #/chats/12}) and waits until it is connected. */
    public void visit(URL url, String route) {
        driver.get(url.toString().replaceAll("/$", "") + "/" + route);
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
    }

    /** The browser window as a phone (390×844) or a desktop (1280×800). */
    public void resize(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 800));
    }

    /** Cuts this browser off the network, or connects it again (DevTools' network emulation). */
    public void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        driver.setNetworkConditions(conditions);
    }

    /** The id of the element that has the keyboard focus, or its tag when it has none. */
    public String focused() {
        WebElement active = driver.switchTo().activeElement();
        String id = active.getAttribute("id");
        return id == null || id.isEmpty() ? active.getTagName() : id;
    }

    /** Runs a browser test's steps; on failure saves a screenshot and the console as {@code failed-NAME}. */
    public void steps(String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError failure) {
            capture("failed-" + name);
            throw failure;
        }
    }

    /** Saves a screenshot, and what the page wrote to its console, for a failed test's report. */
    public void capture(String name) {
        screenshot(name);
        try {
            Path dir = Path.of("target", "screenshots");
            List<String> lines = driver.manage().logs().get("browser").getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage())
                    .toList();
            Files.write(dir.resolve(name + ".console.txt"), lines);
        } catch (IOException | RuntimeException e) {
            // The screenshot is what matters most.
        }
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp profile left behind is harmless.
        }
    }
}
