package se.somg.portal.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import se.somg.portal.demo.DemoUser;

/**
 * Debian's headless Chromium, driven the way a person uses the portal: by the labels and names they read.
 * The driver path is set explicitly, so Selenium never tries to download anything.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String base;
    private final java.nio.file.Path downloads;

    public Browser(URL base) {
        // Arquillian reports the machine's outward address; the browser stays on loopback.
        String url = "http://localhost:" + base.getPort() + base.getPath();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            downloads = java.nio.file.Files.createTempDirectory("portal-downloads");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * Gives this browser a platform authenticator that holds passkeys and verifies its user (Chrome's virtual
     * authenticator, through WebDriver): what a phone or laptop with a fingerprint reader is to a person.
     */
    public Browser withPasskeyAuthenticator() {
        ((org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator) driver)
                .addVirtualAuthenticator(new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
                        .setProtocol(
                                org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(
                                org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));
        return this;
    }

    /** The body row of a table that shows this text (a staff member's address, say). */
    public WebElement row(String tableId, String text) {
        return rows(tableId).stream()
                .filter(row -> row.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + tableId));
    }

    /** Clicks the button with this label inside one part of the page (a table row). */
    public void press(WebElement within, String buttonName) {
        click(within.findElement(By.xpath(".//button[normalize-space(.)='" + buttonName + "']")));
    }

    /** Where files the browser downloads end up. */
    public java.nio.file.Path downloads() {
        return downloads;
    }

    /**
     * Waits for a finished download whose name ends so, and returns it: no partial file left, and its size the same
     * on two looks in a row (Chrome may show the final name before the last bytes are written).
     */
    public java.nio.file.Path awaitDownload(String suffix) throws InterruptedException, java.io.IOException {
        long[] lastSize = {-1};
        return Awaitility.await("a finished download ending in " + suffix + " in " + downloads)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(150))
                .until(
                        () -> {
                            try (var files = java.nio.file.Files.list(downloads)) {
                                List<java.nio.file.Path> all = files.toList();
                                boolean partial = all.stream()
                                        .anyMatch(
                                                f -> f.getFileName().toString().endsWith(".crdownload"));
                                var found = all.stream()
                                        .filter(f -> f.getFileName().toString().endsWith(suffix))
                                        .findFirst();
                                if (found.isEmpty() || partial) {
                                    return null;
                                }
                                long size = java.nio.file.Files.size(found.get());
                                boolean settled = size > 0 && size == lastSize[0];
                                lastSize[0] = size;
                                return settled ? found.get() : null;
                            }
                        },
                        java.util.Objects::nonNull);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * The Cookie header this browser sends, for an HTTP client of a test's own: all of them, as the browser does
     * (a replicated session also has its version cookie).
     */
    public String cookieHeader() {
        return driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public String base() {
        return base;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The input a visible label names, as a screen reader would find it. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    public void press(String buttonName) {
        click(By.xpath("//button[normalize-space(.)='" + buttonName + "'] | //input[@type='submit' and @value='"
                + buttonName + "']"));
    }

    /** Clicks a button; when it submits the whole page, returns once the next page has replaced this one. */
    public void click(By locator) {
        click(driver.findElement(locator));
    }

    public void click(WebElement button) {
        String onclick = String.valueOf(button.getAttribute("onclick"));
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        boolean ajax =
                onclick.contains("PrimeFaces.ab(") || onclick.contains("mojarra.ab(") || onclick.contains("faces.ajax");
        if (!ajax) {
            awaitReplaced(page);
        }
    }

    /** Reads nothing of the next page until it has replaced this one (a download or a refused submit stays). */
    private void awaitReplaced(WebElement page) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(25))
                    .until(d -> {
                        try {
                            page.isEnabled();
                            return false;
                        } catch (org.openqa.selenium.WebDriverException gone) {
                            // Chrome says "stale element" or, while it swaps documents, "does not belong to the
                            // document"
                            if (isReplaced(gone)) {
                                return true;
                            }
                            throw gone;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException stayed) {
            // nothing replaced the page: the caller's next check says whether that was right
        }
    }

    public void follow(String linkText) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.linkText(linkText)).click();
        awaitReplaced(page);
    }

    /** Opens the login page in English and logs in: where most tests start. */
    public Browser logInInEnglish(DemoUser user) {
        return logInInEnglish(user.email(), user.password());
    }

    public Browser logInInEnglish(String email, String password) {
        open("/login.xhtml?lang=en");
        logIn(email, password);
        return this;
    }

    public void logIn(DemoUser user) {
        logIn(user.email(), user.password());
    }

    /** Signs in; a demo staff member then types the code of the README's authenticator-app key. */
    public void logIn(String email, String password) {
        type("E-mail", email);
        type("Password", password);
        press("Log in");
        if (path().equals("/login-verify.xhtml") && isDemoStaff(email)) {
            typeCode(StaffCodes.now(DemoUser.STAFF_TOTP_KEY));
        }
    }

    /** The second step: a code from the app (or a recovery code) in "Code", then "Verify". */
    public void typeCode(String code) {
        type("Code", code);
        press("Verify");
    }

    private static boolean isDemoStaff(String email) {
        try {
            return DemoUser.byEmail(email).isStaff();
        } catch (IllegalArgumentException notDemo) {
            return false;
        }
    }

    public String path() {
        String url = driver.getCurrentUrl();
        String rest = url.substring(base.length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The text of the element with this id: a table, a figure, a status line of the page. */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The section of the page under this second-level heading, as a reader scans the page. */
    public WebElement section(String heading) {
        return driver.findElement(By.xpath("//section[h2='" + heading + "']"));
    }

    /** The body rows of the table with this id. */
    public List<WebElement> rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
    }

    public String mainText() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("main")).getText();
            } catch (org.openqa.selenium.WebDriverException replacedWhileRead) {
                if (attempt == 5 || !isReplaced(replacedWhileRead)) {
                    throw replacedWhileRead;
                }
            }
        }
    }

    public String messages() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElements(By.cssSelector(".portal-messages, .field-message")).stream()
                        .map(WebElement::getText)
                        .collect(Collectors.joining(" | "));
            } catch (org.openqa.selenium.WebDriverException replacedWhileRead) {
                if (attempt == 5 || !isReplaced(replacedWhileRead)) {
                    throw replacedWhileRead;
                }
            }
        }
    }

    private static boolean isReplaced(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    public List<String> navigationLinks() {
        return driver.findElements(By.cssSelector("nav.portal-nav a")).stream()
                .map(a -> a.getAttribute("href"))
                .collect(Collectors.toList());
    }

    /** Serious and critical axe-core violations on the current page, as readable lines. */
    public List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "));
    }

    /**
     * Every address this page loaded or refers to for loading (scripts, styles, images, fonts, frames, forms,
     * CSS url() and @import) that is not on the portal's own host.
     */
    @SuppressWarnings("unchecked")
    public List<String> foreignReferences() {
        String script = """
                const own = location.origin;
                const found = [];
                const check = (u, what) => {
                  if (!u) return;
                  if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('javascript:') || u.startsWith('mailto:') || u.startsWith('#')) return;
                  try { const abs = new URL(u, location.href); if (abs.origin !== own) found.push(what + ' ' + abs.href); }
                  catch (e) { found.push(what + ' unparsable ' + u); }
                };
                performance.getEntriesByType('resource').forEach(e => check(e.name, 'loaded'));
                document.querySelectorAll('script[src],img[src],iframe[src],source[src],video[src],audio[src],embed[src],track[src]')
                  .forEach(e => check(e.getAttribute('src'), e.tagName.toLowerCase()));
                document.querySelectorAll('link[href]').forEach(e => check(e.getAttribute('href'), 'link'));
                document.querySelectorAll('object[data]').forEach(e => check(e.getAttribute('data'), 'object'));
                document.querySelectorAll('form[action]').forEach(e => check(e.getAttribute('action'), 'form'));
                document.querySelectorAll('[style]').forEach(e => {
                  for (const m of e.getAttribute('style').matchAll(/url\\(\\s*['"]?([^'")]+)/g)) check(m[1], 'inline-style');
                });
                for (const sheet of document.styleSheets) {
                  let rules;
                  try { rules = sheet.cssRules; } catch (e) { found.push('unreadable stylesheet ' + sheet.href); continue; }
                  const base = sheet.href || location.href;
                  for (const rule of rules) {
                    if (rule.href) { try { const a = new URL(rule.href, base); if (a.origin !== own) found.push('@import ' + a.href); } catch (e) {} }
                    for (const m of rule.cssText.matchAll(/url\\(\\s*['"]?([^'")]+)/g)) {
                      if (m[1].startsWith('data:')) continue;
                      try { const a = new URL(m[1], base); if (a.origin !== own) found.push('css ' + a.href); } catch (e) {}
                    }
                  }
                }
                return found;""";
        return (List<String>) ((JavascriptExecutor) driver).executeScript(script);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
