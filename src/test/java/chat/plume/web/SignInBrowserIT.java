package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Browser;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Names;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A person in a real browser: create an account, be connected, switch language, sign out and back in. */
@RunAsClient
class SignInBrowserIT extends ClientTestBase {

    @Test
    void createAccountSignOutSignInAndSeeConnected() {
        String username = Names.unique("Browser");
        try (Browser browser = Browser.open("en-US")) {
            WebDriver page = browser.driver();
            page.get(url.toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
            assertThat(page.findElement(By.cssSelector("#form-signin button[type=submit]"))
                            .getText())
                    .isEqualTo("Sign in");

            browser.assertEveryControlIsNamed();
            page.findElement(By.id("tab-register")).click();
            browser.assertEveryControlIsNamed();
            page.findElement(By.id("register-username")).sendKeys(username);
            page.findElement(By.id("register-display-name")).sendKeys("测试 <b>user</b>");
            page.findElement(By.id("register-password")).sendKeys("browser-password");
            browser.screenshot("register-filled");
            page.findElement(By.cssSelector("#form-register button[type=submit]"))
                    .click();

            awaitConnected(browser);
            // The display name is text, never markup.
            assertThat(page.findElement(By.id("welcome-text")).getText()).contains("测试 <b>user</b>");
            assertThat(page.findElements(By.cssSelector("#welcome-text b"))).isEmpty();
            browser.screenshot("connected-desktop");
            browser.assertEveryControlIsNamed();

            page.findElement(By.cssSelector(".nav-item[data-section=profile]")).click();
            // On a desktop the profile section opens the editor beside the list, filled in.
            assertThat(page.findElement(By.id("profile-display-name")).getAttribute("value"))
                    .isEqualTo("测试 <b>user</b>");
            page.findElement(By.id("profile-region")).sendKeys("杭州");
            page.findElement(By.cssSelector("#profile-editor button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.textToBe(By.id("profile-saved"), "Saved."));
            new Select(page.findElement(By.id("shell-language"))).selectByValue("zh-CN");
            assertThat(page.findElement(By.id("sign-out")).getText()).isEqualTo("退出登录");
            assertThat(page.findElement(By.cssSelector(".nav-item[data-section=chats]"))
                            .getAttribute("aria-label"))
                    .isEqualTo("消息");
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("zh-CN");
            browser.screenshot("profile-chinese");
            browser.assertEveryControlIsNamed();

            page.findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
            assertThat(page.findElement(By.cssSelector("#form-signin button[type=submit]"))
                            .getText())
                    .isEqualTo("登录");

            page.findElement(By.id("signin-username")).sendKeys(username.toUpperCase());
            page.findElement(By.id("signin-password")).sendKeys("wrong-password");
            page.findElement(By.cssSelector("#form-signin button[type=submit]")).click();
            WebElement error = browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#form-signin [data-error-for=form]")));
            assertThat(error.getText()).isEqualTo("用户名或密码错误。");

            page.findElement(By.id("signin-password")).clear();
            page.findElement(By.id("signin-password")).sendKeys("browser-password");
            page.findElement(By.cssSelector("#form-signin button[type=submit]")).click();
            awaitConnected(browser);
            assertThat(page.findElement(By.cssSelector("#connection-state .connection-label"))
                            .getAttribute("textContent"))
                    .isEqualTo("已连接");
        }
    }

    @Test
    void thePageDefaultsToTheBrowsersLanguageAndFitsAPhone() {
        try (Browser browser = Browser.open("zh-CN")) {
            WebDriver page = browser.driver();
            page.manage().window().setSize(new Dimension(390, 844));
            page.get(url.toString());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-signin")));
            assertThat(page.findElement(By.id("tab-register")).getText()).isEqualTo("注册账号");

            page.findElement(By.id("tab-register")).click();
            page.findElement(By.id("register-username")).sendKeys(Names.unique("Phone"));
            page.findElement(By.id("register-display-name")).sendKeys("手机用户");
            page.findElement(By.id("register-password")).sendKeys("phone-password");
            page.findElement(By.cssSelector("#form-register button[type=submit]"))
                    .click();
            awaitConnected(browser);
            // On a phone the list panel shows and the conversation panel waits.
            assertThat(page.findElement(By.cssSelector(".list-panel")).isDisplayed())
                    .isTrue();
            assertThat(page.findElement(By.cssSelector(".conversation-panel")).isDisplayed())
                    .isFalse();
            browser.screenshot("connected-phone");
        }
    }

    private static void awaitConnected(Browser browser) {
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("connection-state"), "data-state", "online"));
    }
}
