package io.rapport.interactions.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * What capture keeps of a message: its headers, never its body. The key that makes a message one interaction however
 * often it is seen (in INBOX, in Sent, after a UIDVALIDITY change) is the SHA-256 of its Message-ID, or of its Date,
 * From and Subject when it has none.
 *
 * @param from       the sender's address, lower case, or null
 * @param recipients the To and Cc addresses, lower case
 * @param repliesTo  the keys of the messages it answers (In-Reply-To, then References)
 * @param automatic  sent by a machine: an auto-reply, a bulk or list message, a bounce (RFC 3834 and the usual
 *                   headers), which asks no one for an answer
 */
public record CapturedMail(String key, Instant occurredAt, String from, List<String> recipients, String subject,
        List<String> repliesTo, boolean automatic) {

    /** The interactions' subject column. */
    static final int SUBJECT_LENGTH = 200;
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    /** Reads the message's headers; {@code received} is when the server took it (INTERNALDATE). */
    public static CapturedMail of(Message message, Instant received) throws MessagingException {
        String messageId = first(message, "Message-ID");
        String from = address(message.getFrom());
        Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        // a Date header ahead of when the server took the message is a sender's wrong clock
        Instant occurredAt = sent == null || (received != null && sent.isAfter(received)) ? received : sent;
        String subject = message.getSubject();
        List<String> recipients = new ArrayList<>();
        addAll(recipients, message.getRecipients(Message.RecipientType.TO));
        addAll(recipients, message.getRecipients(Message.RecipientType.CC));
        List<String> repliesTo = new ArrayList<>();
        for (String header : new String[] { "In-Reply-To", "References" }) {
            String value = first(message, header);
            if (value != null) {
                Matcher ids = MESSAGE_ID.matcher(value);
                while (ids.find()) {
                    String key = key(ids.group(1));
                    if (!repliesTo.contains(key)) {
                        repliesTo.add(key);
                    }
                }
            }
        }
        String key = messageId != null && MESSAGE_ID.matcher(messageId).find() ? key(idOf(messageId))
                : key(occurredAt + "|" + from + "|" + subject);
        return new CapturedMail(key, occurredAt, from, recipients, cut(subject), repliesTo, automatic(message));
    }

    /** RFC 3834's Auto-Submitted, the auto-responders' own headers, bulk and list mail, bounces. */
    static boolean automatic(Message message) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null
                || first(message, "List-Id") != null || first(message, "List-Unsubscribe") != null) {
            return true;
        }
        String precedence = first(message, "Precedence");
        if (precedence != null
                && List.of("bulk", "list", "junk").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String returnPath = first(message, "Return-Path");
        return returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
    }

    private static String idOf(String header) {
        Matcher id = MESSAGE_ID.matcher(header);
        id.find();
        return id.group(1);
    }

    /** The subject as the column holds it: cut with an ellipsis. */
    private static String cut(String subject) {
        if (subject == null || subject.length() <= SUBJECT_LENGTH) {
            return subject;
        }
        return subject.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    private static String first(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String address(Address[] addresses) {
        List<String> found = new ArrayList<>();
        addAll(found, addresses);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void addAll(List<String> into, Address[] addresses) {
        if (addresses == null) {
            return;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                String lower = internet.getAddress().strip().toLowerCase(Locale.ROOT);
                if (!into.contains(lower)) {
                    into.add(lower);
                }
            }
        }
    }

    static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
