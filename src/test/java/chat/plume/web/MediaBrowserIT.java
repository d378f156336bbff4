package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One person sends an image and a file; the other sees the thumbnail, opens the full image,
 * and downloads the file with its name and bytes intact.
 */
@RunAsClient
class MediaBrowserIT extends ClientTestBase {

    @Test
    void anImageAndAFileFromOneBrowserToAnother() throws Exception {
        Person alice = Person.create(api, "PicA");
        Person bob = Person.create(api, "PicB");
        Person.befriend(alice, bob);
        long conversation = Person.ok(200, alice.post("/conversations", Json.object("userId", bob.id())))
                .getJsonNumber("id")
                .longValue();
        Path folder = Files.createTempDirectory("plume-upload");
        Path image = folder.resolve("sunset.png");
        BufferedImage picture = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        ImageIO.write(picture, "png", image.toFile());
        Path file = folder.resolve("会议纪要 v2.txt");
        Files.writeString(file, "议程：\n1. 发布\n2. 下一步\n", StandardCharsets.UTF_8);

        try (Browser a = Browser.open("en-US");
                Browser b = Browser.open("en-US")) {
            try {
                WebDriver alicePage = a.signIn(url, alice);
                WebDriver bobPage = b.signIn(url, bob);
                String row = ".conversation-row[data-conversation-id='" + conversation + "']";
                a.waiting()
                        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(row)))
                        .click();
                WebElement input = a.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attach-file")));
                input.sendKeys(image.toString());
                a.waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.mine .thumb img")));
                input.sendKeys(file.toString());
                a.waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.mine .file-card")));

                b.waiting()
                        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(row)))
                        .click();
                WebElement thumbnail =
                        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".thumb img")));
                b.waiting()
                        .until(driver -> ((Number) ((JavascriptExecutor) driver)
                                                .executeScript("return arguments[0].naturalWidth", thumbnail))
                                        .intValue()
                                == 320);
                bobPage.findElement(By.cssSelector(".thumb")).click();
                WebElement full =
                        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".viewer img")));
                b.waiting()
                        .until(driver -> ((Number) ((JavascriptExecutor) driver)
                                                .executeScript("return arguments[0].naturalWidth", full))
                                        .intValue()
                                == 640);
                b.screenshot("media-viewer");
                bobPage.findElement(By.cssSelector(".viewer-close")).click();

                WebElement card =
                        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".file-card")));
                assertThat(card.findElement(By.cssSelector(".file-name")).getText())
                        .isEqualTo("会议纪要 v2.txt");
                card.findElement(By.cssSelector(".download")).click();
                Path downloaded = b.downloads().resolve("会议纪要 v2.txt");
                b.waiting().until(driver -> Files.exists(downloaded));
                b.waiting().until(driver -> {
                    try {
                        return Files.readString(downloaded, StandardCharsets.UTF_8)
                                .equals(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return false;
                    }
                });
                b.screenshot("media-chat");
                b.assertEveryControlIsNamed();
            } catch (RuntimeException | AssertionError failure) {
                a.capture("failed-media-alice");
                b.capture("failed-media-bob");
                throw failure;
            }
        }
    }
}
