package io.rapport.feedback.page;

import static io.rapport.feedback.testing.FeedbackApi.BOUND;
import static io.rapport.feedback.testing.FeedbackApi.asNamed;
import static io.rapport.feedback.testing.FeedbackApi.knownContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.feedback.testing.FeedbackApi;
import io.rapport.mail.testing.Mailbox;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/**
 * A client answers the survey from the email they received, in a real headless Chromium (Debian's {@code chromium}
 * and {@code chromium-driver}) with JavaScript switched off and a phone-sized window.
 */
@QuarkusTest
class SurveyPageBrowserTest {

    private static final String CHROMIUM = System.getenv().getOrDefault("RAPPORT_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("RAPPORT_CHROMEDRIVER",
            "/usr/bin/chromedriver");

    private final CloudEventSender sender = CloudEventSender.local();
    private final String alice = "alice-" + UUID.randomUUID();
    private WebDriver browser;

    @TestHTTPResource("/")
    URI service;

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void setUp() {
        FeedbackApi.awaitPartitionAssignment(kafka);
        // the browser calls from 127.0.0.1 like nothing else in the tests: its bucket starts full, whatever ran before
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from public_rate_limit where id = 'address:127.0.0.1'").executeUpdate());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")
                .setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).build(), options);
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        sender.close();
    }

    @Test
    void theClientOpensTheLinkInTheirEmailChoosesAScoreAndIsThanked() throws Exception {
        String address = Mailbox.freshAddress("ada");
        UUID contact = knownContact(sender, alice, "Ada", address, null);
        asNamed(alice, "Alice Example", "rep").body("{\"contactId\": \"" + contact + "\", \"kind\": \"NPS\"}")
                .when().post("/api/v1/surveys").then().statusCode(201);
        MimeMessage mail = Mailbox.awaitMessages(address, 1).get(0);
        URI link = URI.create(Mailbox.part(mail, "text/html").replaceAll("(?s).*href=\"([^\"]+)\".*", "$1"));
        assertThat(link.getPath()).startsWith("/s/");

        try (TopicWatcher topic = TopicWatcher.local(Topic.FEEDBACK.topicName())) {
            // the link names the public address of a deployment; here the service under test answers it
            browser.get(service.resolve(link.getPath()).toString());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hello Ada,");
            assertThat(browser.findElement(By.tagName("legend")).getText())
                    .isEqualTo("How likely is it that you would recommend us to a friend or colleague?");
            List<WebElement> scale = browser.findElements(By.cssSelector(".scale label"));
            assertThat(scale).extracting(WebElement::getText)
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            int width = browser.manage().window().getSize().getWidth();
            for (WebElement label : scale) {
                assertThat(label.getRect().getX() + label.getRect().getWidth()).isLessThanOrEqualTo(width);
                assertThat(label.getRect().getHeight()).isGreaterThanOrEqualTo(44); // a finger's target
            }

            browser.findElement(By.cssSelector("label[for=nps-9]")).click();
            assertThat(browser.findElement(By.id("nps-9")).isSelected()).isTrue();
            browser.findElement(By.id("comment")).sendKeys("Alice always calls back.");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            await().atMost(BOUND).ignoreExceptions()
                    .until(() -> browser.findElement(By.tagName("h1")).getText(), "Thank you!"::equals);
            assertThat(browser.findElement(By.tagName("p")).getText()).isEqualTo("Your answer has reached Alice Example.");

            ConsumerRecord<String, String> received = topic.await(record -> contact.toString().equals(record.key())
                    && "rapport.feedback.received.v1".equals(TopicWatcher.header(record, "ce_type")), BOUND);
            JsonNode data = new ObjectMapper().readTree(received.value());
            assertThat(data.get("npsScore").asInt()).isEqualTo(9);
            assertThat(data.get("source").asText()).isEqualTo("CLIENT");
        }

        browser.get(service.resolve(link.getPath()).toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This survey is closed");
    }
}
