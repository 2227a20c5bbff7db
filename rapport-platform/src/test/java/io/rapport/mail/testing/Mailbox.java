package io.rapport.mail.testing;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The mailboxes of the local SMTP server (GreenMail, started by {@code deploy/local/rapport infra}), read through its
 * REST API: what the services really sent, as a mail client would receive it.
 */
public final class Mailbox {

    /** The mail server's API; {@code RAPPORT_MAIL_API} points elsewhere. */
    public static final String API = System.getenv().getOrDefault("RAPPORT_MAIL_API", "http://127.0.0.1:8025");
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mailbox() {
    }

    /** An address no other test writes to, so its mailbox holds only what this test caused. */
    public static String freshAddress(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    /** Every message delivered to {@code address} so far, oldest first. */
    public static List<MimeMessage> messages(String address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            List<MimeMessage> messages = new ArrayList<>();
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                return messages; // no mail yet: GreenMail creates the user with the first message
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The mail server answered " + response.statusCode() + ": "
                        + response.body());
            }
            for (JsonNode message : JSON.readTree(response.body())) {
                messages.add(new MimeMessage(SESSION,
                        new ByteArrayInputStream(message.get("mimeMessage").asText().getBytes(StandardCharsets.UTF_8))));
            }
            return messages;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address + " at " + API, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code count} messages have reached {@code address}, and returns them. */
    public static List<MimeMessage> awaitMessages(String address, int count) {
        return await().atMost(BOUND).until(() -> messages(address), messages -> messages.size() >= count);
    }

    /** The first part of the message with this MIME type ({@code text/plain}, {@code text/html}), decoded. */
    public static String part(MimeMessage message, String mimeType) {
        try {
            String found = find(message, mimeType);
            if (found == null) {
                throw new AssertionError("The message has no " + mimeType + " part");
            }
            return found;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String mimeType) throws IOException, MessagingException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
