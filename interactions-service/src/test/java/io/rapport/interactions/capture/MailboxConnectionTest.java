package io.rapport.interactions.capture;

import static io.rapport.interactions.rest.InteractionsApi.PROBLEM_JSON;
import static io.rapport.interactions.rest.InteractionsApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.interactions.Mailbox;
import io.rapport.interactions.service.MailboxSecrets;
import io.rapport.secrets.SecretBox;
import io.rapport.secrets.SecretsConfig;
import jakarta.inject.Inject;

/**
 * Mailbox connections against the local stack's Dovecot (deploy/local/rapport infra), a real IMAP server: any user
 * name logs in there with the password "rapport", and nothing else does.
 */
@QuarkusTest
class MailboxConnectionTest {

    private static final String PASSWORD = "rapport";

    private final String alice = "alice-" + UUID.randomUUID();

    @Inject
    SecretBox secrets;

    @Inject
    MailboxSecrets mailboxSecrets;

    @ConfigProperty(name = "rapport.secrets.previous-key")
    String previousKey;

    @Test
    void aMailboxIsConnectedOnceItsServerTookTheLoginAndItsPasswordIsNeverAnswered() {
        String account = alice + "@rapport.local";
        String id = as(alice, "rep").body(mailbox(account, PASSWORD, null)).when().post("/api/v1/mailboxes")
                .then().statusCode(201)
                .body("owner", is(alice)).body("host", is("127.0.0.1")).body("port", is(1143))
                .body("security", is("STARTTLS")).body("username", is(account))
                .body("state", is("SYNCING")).body("stateReason", nullValue())
                .body("captured", is(0)).body("skipped", is(0))
                .body(not(containsString(PASSWORD + "\"")))
                .extract().path("id");
        Mailbox stored = QuarkusTransaction.requiringNew().call(() -> Mailbox.findById(UUID.fromString(id)));
        assertThat(stored.secret).startsWith("v1:").doesNotContain(PASSWORD);
        assertThat(secrets.open(stored.secret, id)).isEqualTo(PASSWORD);

        as(alice, "rep").when().get("/api/v1/mailboxes").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].password", nullValue());
        as(alice, "rep").body(mailbox(account, PASSWORD, null)).when().post("/api/v1/mailboxes")
                .then().statusCode(409).contentType(PROBLEM_JSON).body("mailboxId", is(id));
    }

    @Test
    void aRefusedLoginIsA422QuotingTheServerAndStoresNothing() {
        as(alice, "rep").body(mailbox(alice + "@rapport.local", "not the password", null))
                .when().post("/api/v1/mailboxes")
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations.field", contains("password"))
                .body("detail", containsString("[AUTHENTICATIONFAILED]"));
        as(alice, "rep").body(mailbox(alice + "@rapport.local", PASSWORD, null).replace("1143", "1"))
                .when().post("/api/v1/mailboxes")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("violations.field", contains("host"));
        as(alice, "rep").when().get("/api/v1/mailboxes").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aRepConnectsAndManagesOnlyTheirOwnAndAnAdminAnyones() {
        String bob = "bob-" + UUID.randomUUID();
        as(alice, "rep").body(mailbox(bob + "@rapport.local", PASSWORD, bob)).when().post("/api/v1/mailboxes")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        String id = as("root", "admin").body(mailbox(bob + "@rapport.local", PASSWORD, bob))
                .when().post("/api/v1/mailboxes").then().statusCode(201).body("owner", is(bob)).extract().path("id");
        as(alice, "rep").when().get("/api/v1/mailboxes/" + id).then().statusCode(404);
        as(alice, "rep").when().post("/api/v1/mailboxes/" + id + "/pause").then().statusCode(404);
        as("integrator", "integrator").when().get("/api/v1/mailboxes").then().statusCode(403);
        as("lead", "manager").queryParam("owner", bob).when().get("/api/v1/mailboxes").then().statusCode(200)
                .body("items.id", contains(id));

        as(bob, "rep").when().post("/api/v1/mailboxes/" + id + "/pause").then().statusCode(200)
                .body("state", is("PAUSED"));
        as(bob, "rep").when().post("/api/v1/mailboxes/" + id + "/pause").then().statusCode(200)
                .body("state", is("PAUSED"));
        as(bob, "rep").when().post("/api/v1/mailboxes/" + id + "/resume").then().statusCode(200)
                .body("state", is("SYNCING"));
        as(bob, "rep").when().delete("/api/v1/mailboxes/" + id).then().statusCode(204);
        as(bob, "rep").when().get("/api/v1/mailboxes/" + id).then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Mailbox.count("owner", bob))).as("its row, secret "
                + "and all").isZero();
    }

    @Test
    void duringAKeyRotationEveryPasswordIsSealedAgainWithTheNewKey() {
        String id = as(alice, "rep").body(mailbox(alice + "@rapport.local", PASSWORD, null))
                .when().post("/api/v1/mailboxes").then().statusCode(201).extract().path("id");
        SecretBox withTheOldKey = new SecretBox(new SecretsConfig() {
            @Override
            public Optional<String> key() {
                return Optional.of(previousKey);
            }

            @Override
            public Optional<String> previousKey() {
                return Optional.empty();
            }

            @Override
            public String resealInterval() {
                return "off";
            }
        });
        String sealedWithTheOldKey = withTheOldKey.seal(PASSWORD, id);
        QuarkusTransaction.requiringNew().run(() -> Mailbox.update("secret = ?1 where id = ?2", sealedWithTheOldKey,
                UUID.fromString(id)));

        mailboxSecrets.resealWithTheCurrentKey();

        Mailbox resealed = QuarkusTransaction.requiringNew().call(() -> Mailbox.findById(UUID.fromString(id)));
        assertThat(secrets.sealedWithCurrentKey(resealed.secret)).isTrue();
        assertThat(secrets.open(resealed.secret, id)).isEqualTo(PASSWORD);
        as(alice, "rep").when().get("/api/v1/mailboxes/" + id).then().statusCode(200).body("state", is("SYNCING"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        as(alice, "rep").body("{\"host\": \"127.0.0.1\", \"port\": 0, \"security\": \"PLAIN\", \"username\": \"\"}")
                .when().post("/api/v1/mailboxes").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("security"));
        as(alice, "rep").body("{\"host\": \"127.0.0.1\", \"port\": 0, \"security\": \"TLS\", \"username\": \"\"}")
                .when().post("/api/v1/mailboxes").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("port")).body("violations.field", hasItem("username"))
                .body("violations.field", hasItem("password"));
    }

    private static String mailbox(String username, String password, String owner) {
        return """
                {"host": "127.0.0.1", "port": 1143, "security": "STARTTLS", "username": "%s", "password": "%s"%s}"""
                .formatted(username, password, owner == null ? "" : ", \"owner\": \"" + owner + "\"");
    }
}
