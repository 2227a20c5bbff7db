package io.rapport.interactions.capture;

import static io.rapport.interactions.rest.InteractionsApi.BOUND;
import static io.rapport.interactions.rest.InteractionsApi.CREATED;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.EventType;
import io.rapport.events.Topic;
import io.rapport.events.testing.CloudEventSender;
import io.rapport.events.testing.TopicWatcher;
import io.rapport.interactions.Mailbox;
import io.rapport.interactions.MailboxSecurity;
import io.rapport.interactions.capture.ImapSessions.Account;
import io.rapport.interactions.rest.InteractionsApi;
import io.rapport.secrets.SecretBox;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

/**
 * Capture against the local stack's Dovecot, a real IMAP server: messages appended to a rep's INBOX and Sent become
 * interactions of the rep's contacts, once each, however often the mailbox is read.
 */
@QuarkusTest
class MailCaptureTest {

    private final String rep = "rep-" + UUID.randomUUID();
    private final String account = rep + "@rapport.local";
    private final String ada = "ada-" + UUID.randomUUID() + "@example.com";
    private final CloudEventSender sender = CloudEventSender.local();

    @Inject
    ImapSessions sessions;

    @Inject
    MailboxSync sync;

    @Inject
    SecretBox secrets;

    @Inject
    EntityManager entityManager;

    @Inject
    KafkaClientService kafka;

    @BeforeEach
    void awaitPartitionAssignment() {
        InteractionsApi.awaitPartitionAssignment(kafka);
    }

    @AfterEach
    void close() {
        sender.close();
    }

    @Test
    void mailWithAContactBecomesItsInteractionsOnceAndARepliedMessageIsAnswered() throws Exception {
        UUID contact = contactWithAddress(ada.toUpperCase());
        append("INBOX", message("<m1-%s@example.com>", ada, account, "Our renewal?", ""));
        append("INBOX", message("<m2-%s@example.com>", ada, account, "Newsletter", "List-Id: <news.example.com>\n"));
        append("INBOX", message("<m3-%s@example.com>", ada, account, "Out of office",
                "Auto-Submitted: auto-replied\n"));
        append("INBOX", message("<m4-%s@example.com>", "stranger@example.com", account, "Hello", ""));
        append("Sent", message("<m5-%s@rapport.local>", account, ada, "Re: Our renewal?",
                "In-Reply-To: <m1-" + rep + "@example.com>\n"));
        String mailbox = connect();

        try (TopicWatcher topic = TopicWatcher.local(Topic.INTERACTIONS.topicName())) {
            assertThat(sync.syncOnce(UUID.fromString(mailbox))).isTrue();
            JsonPath interactions = interactionsOf(contact);
            assertThat(interactions.getList("items")).hasSize(4);
            assertThat(interactions.getList("items.source")).containsOnly("CAPTURED");
            assertThat(interactions.getList("items.type")).containsOnly("EMAIL");
            String renewal = interactions.getString("items.find { it.subject == 'Our renewal?' }.id");
            assertThat(interactions.getBoolean("items.find { it.subject == 'Our renewal?' }.requiresResponse"))
                    .isTrue();
            assertThat(interactions.getString("items.find { it.subject == 'Our renewal?' }.direction"))
                    .isEqualTo("INBOUND");
            assertThat(interactions.getBoolean("items.find { it.subject == 'Newsletter' }.requiresResponse"))
                    .isFalse();
            assertThat(interactions.getBoolean("items.find { it.subject == 'Out of office' }.requiresResponse"))
                    .isFalse();
            assertThat(interactions.getString("items.find { it.subject == 'Re: Our renewal?' }.direction"))
                    .isEqualTo("OUTBOUND");
            assertThat(interactions.getString("items.find { it.subject == 'Re: Our renewal?' }.inReplyTo"))
                    .isEqualTo(renewal);
            // the scheduler hears of them as of any touch-point, told they were captured
            assertThat(topic.awaitAll(r -> contact.toString().equals(r.key()), 4, BOUND))
                    .allSatisfy(event -> assertThat(InteractionsApi.data(event).path("source").asText())
                            .isEqualTo("CAPTURED"));
        }
        as(rep, "rep").when().get("/api/v1/mailboxes/" + mailbox).then().statusCode(200)
                .body("state", is("LIVE")).body("captured", is(4)).body("skipped", is(1));

        // read again: nothing new; then one more message, and only it
        sync.syncOnce(UUID.fromString(mailbox));
        assertThat(interactionsOf(contact).getList("items")).hasSize(4);
        append("INBOX", message("<m6-%s@example.com>", ada, account, "One more thing", ""));
        sync.syncOnce(UUID.fromString(mailbox));
        assertThat(interactionsOf(contact).getList("items")).hasSize(5);

        // beside what was logged by hand, and told apart
        InteractionsApi.logInteraction(rep, "rep", InteractionsApi.interactionJson(contact, "CALL", "OUTBOUND",
                "2026-12-02T09:00:00Z"));
        for (String source : new String[] { "CAPTURED", "MANUAL" }) {
            as(rep, "rep").queryParam("contactId", contact.toString()).queryParam("source", source)
                    .when().get("/api/v1/interactions").then().statusCode(200)
                    .body("items.size()", is(source.equals("CAPTURED") ? 5 : 1))
                    .body("items.source.unique()", contains(source));
        }
    }

    @Test
    void mailThatCameBeforeTheContactIsCapturedOnceTheContactIsKnown() throws Exception {
        String late = "late-" + UUID.randomUUID() + "@example.com";
        append("INBOX", message("<l1-%s@example.com>", late, account, "Before we met", ""));
        append("Sent", message("<l2-%s@rapport.local>", account, late, "Welcome", ""));
        String mailbox = connect();
        sync.syncOnce(UUID.fromString(mailbox));
        as(rep, "rep").when().get("/api/v1/mailboxes/" + mailbox).then().body("captured", is(0))
                .body("skipped", is(2));

        UUID contact = contactWithAddress(late);
        sync.syncOnce(UUID.fromString(mailbox));
        assertThat(interactionsOf(contact).getList("items.subject")).containsExactlyInAnyOrder("Before we met",
                "Welcome");
        // searched once: read again, nothing more
        sync.syncOnce(UUID.fromString(mailbox));
        assertThat(interactionsOf(contact).getList("items")).hasSize(2);
        as(rep, "rep").when().get("/api/v1/mailboxes/" + mailbox).then().body("captured", is(2));
    }

    @Test
    void aRenumberedFolderIsReadAgainWithoutADuplicate() throws Exception {
        UUID contact = contactWithAddress(ada);
        append("Archive", message("<a1-%s@example.com>", ada, account, "Kept", ""));
        String mailbox = connect("Archive");
        sync.syncOnce(UUID.fromString(mailbox));
        assertThat(interactionsOf(contact).getList("items")).hasSize(1);
        // the folder deleted and made again: a new UIDVALIDITY, the same message in it, and a new one
        try (Store store = store()) {
            Folder archive = store.getFolder("Archive");
            archive.delete(true);
        }
        append("Archive", message("<a1-%s@example.com>", ada, account, "Kept", ""));
        append("Archive", message("<a2-%s@example.com>", ada, account, "New", ""));
        sync.syncOnce(UUID.fromString(mailbox));
        assertThat(interactionsOf(contact).getList("items.subject")).containsExactlyInAnyOrder("Kept", "New");
    }

    @Test
    void aLoginTheServerRefusesPutsTheMailboxInErrorWithItsReason() throws Exception {
        String mailbox = connect();
        QuarkusTransaction.requiringNew().run(() -> Mailbox.update("secret = ?1 where id = ?2",
                secrets.seal("changed since", mailbox), UUID.fromString(mailbox)));
        sync.syncOnce(UUID.fromString(mailbox));
        as(rep, "rep").when().get("/api/v1/mailboxes/" + mailbox).then().statusCode(200)
                .body("state", is("ERROR")).body("stateReason", containsString("[AUTHENTICATIONFAILED]"));
        // and it is not read again until resumed
        assertThat(sync.syncOnce(UUID.fromString(mailbox))).isFalse();
    }

    private UUID contactWithAddress(String address) {
        UUID contact = UUID.randomUUID();
        sender.send(EventType.CONTACT_CREATED, UUID.randomUUID().toString(), contact.toString(), contact.toString(),
                CREATED, """
                        {"id": "%s", "version": 0, "owner": "%s", "displayName": "Ada Lovelace",
                         "primaryEmail": "%s", "emails": ["%s"], "checkInCadenceDays": 30,
                         "doNotContact": false, "marketingOptIn": false, "createdAt": "%s", "updatedAt": "%s"}"""
                        .formatted(contact, rep, address, address, CREATED, CREATED));
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from contact_address where contact_id = ?1")
                .setParameter(1, contact).getSingleResult()).equals(1L));
        return contact;
    }

    private String connect(String... inboxFolder) {
        String folder = inboxFolder.length == 0 ? "" : ", \"inboxFolder\": \"" + inboxFolder[0] + "\"";
        return as(rep, "rep").body("""
                {"host": "127.0.0.1", "port": 1143, "security": "STARTTLS", "username": "%s",
                 "password": "rapport"%s}"""
                .formatted(account, folder)).when().post("/api/v1/mailboxes").then().statusCode(201)
                .extract().path("id");
    }

    private JsonPath interactionsOf(UUID contact) {
        return as(rep, "rep").queryParam("contactId", contact.toString()).when().get("/api/v1/interactions")
                .then().statusCode(200).extract().jsonPath();
    }

    private String message(String messageId, String from, String to, String subject, String headers) {
        return """
                Message-ID: %s
                Date: Tue, 01 Dec 2026 10:00:00 +0000
                From: %s
                To: %s
                Subject: %s
                %s
                The body, which capture never keeps.
                """.formatted(messageId.formatted(rep), from, to, subject, headers);
    }

    private void append(String folderName, String text) throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            folder.appendMessages(new Message[] { new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))) });
        }
    }

    private Store store() throws Exception {
        return sessions.open(new Account("127.0.0.1", 1143, MailboxSecurity.STARTTLS, account), "rapport");
    }
}
