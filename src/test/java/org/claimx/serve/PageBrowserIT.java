package org.claimx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.claimx.pipeline.SharedEngine;
import org.claimx.report.Audit;
import org.claimx.report.Names;
import org.claimx.slots.SlotLexicon;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The page of claimx serve in headless Chromium, driven by Selenium: paste an abstract, extract, and
 * see every claim marked in the text and listed in the table; hovering a row marks its span. Needs
 * Debian's chromium and chromium-driver (.ci/run installs them) and so runs apart from mvn test:
 * {@code mvn test -Dtest=PageBrowserIT -DskipFuzz=true}. Leaves a screenshot in target/serve-page.png.
 */
class PageBrowserIT {
    private static final String ABSTRACT = "Compared to competitive baselines, mllm-NPU achieves 22.4x faster prefill speed and "
            + "30.7x energy savings on average. Orca-Math achieves 86.81% on GSM8k.";

    @Test
    void aPastedAbstractIsMarkedInPlaceAndTabulated() throws Exception {
        Path lexicon = Path.of("rules/lexicon");
        Server server = new Server(SharedEngine.get(), new Audit(Names.load(lexicon), SlotLexicon.load(lexicon)), "127.0.0.1", 0, 2, 8, 2_000_000);
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get("http://127.0.0.1:" + server.port() + "/");
            driver.findElement(By.id("title")).sendKeys("mllm-NPU: Fast On-device LLM Inference");
            driver.findElement(By.id("abstract")).sendKeys(ABSTRACT);
            driver.findElement(By.id("go")).click();
            List<WebElement> rows = List.of();
            for (int i = 0; i < 100 && rows.isEmpty(); i++) {
                Thread.sleep(100);
                rows = driver.findElements(By.cssSelector("#claims tbody tr"));
            }
            assertEquals(3, rows.size(), driver.findElement(By.id("status")).getText());
            List<WebElement> marks = driver.findElements(By.cssSelector("#text mark"));
            assertEquals(List.of("22.4x", "30.7x", "86.81%"), marks.stream().map(WebElement::getText).toList());
            assertTrue(rows.get(0).getText().startsWith("22.4x"), rows.get(0).getText());
            assertTrue(rows.get(2).getText().contains("Orca-Math") && rows.get(2).getText().contains("GSM8k"), rows.get(2).getText());
            assertEquals("3 claims", driver.findElement(By.id("status")).getText());
            // Hovering the second row marks the second span, and only it.
            new Actions(driver).moveToElement(rows.get(1)).perform();
            assertTrue(marks.get(1).getAttribute("class").contains("on"));
            assertTrue(!marks.get(0).getAttribute("class").contains("on"));
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of("target/serve-page.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
            server.stop(1);
        }
    }
}
