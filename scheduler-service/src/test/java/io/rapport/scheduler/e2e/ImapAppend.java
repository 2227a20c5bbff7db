package io.rapport.scheduler.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * Puts a message into a mailbox of the local stack's Dovecot as any mail client would (IMAP APPEND, with STARTTLS to
 * its self-signed certificate, trusted for the loopback only): mail arriving, or the rep's reply landing in Sent.
 */
final class ImapAppend {

    private ImapAppend() {
    }

    static void into(String account, String folderName, String text) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.starttls.enable", "true");
        properties.put("mail.imap.starttls.required", "true");
        properties.put("mail.imap.ssl.trust", "127.0.0.1");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", 1143, account, "rapport");
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            folder.appendMessages(new Message[] { new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))) });
        }
    }

    static String message(String messageId, String from, String to, String subject, String headers) {
        return """
                Message-ID: %s
                Date: %s
                From: %s
                To: %s
                Subject: %s
                %s
                The body, which capture never keeps.
                """.formatted(messageId, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)),
                from, to, subject, headers);
    }
}
