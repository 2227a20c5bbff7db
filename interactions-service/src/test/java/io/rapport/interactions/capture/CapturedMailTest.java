package io.rapport.interactions.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

class CapturedMailTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:05Z");

    @Test
    void aMessageIsItsHeadersAndItsKeyIsItsMessageId() throws Exception {
        CapturedMail mail = CapturedMail.of(message("""
                Message-ID: <abc-1@mail.example.com>
                Date: Tue, 01 Dec 2026 10:00:00 +0000
                From: "Ada Lovelace" <Ada@Example.com>
                To: Alice <alice@rapport.local>, grace@example.com
                Cc: ALAN@example.com
                Subject: Our renewal
                In-Reply-To: <xyz@rapport.local>
                References: <first@rapport.local> <xyz@rapport.local>

                the body, which is never kept
                """), RECEIVED);
        assertThat(mail.key()).isEqualTo(CapturedMail.key("abc-1@mail.example.com"));
        assertThat(mail.from()).isEqualTo("ada@example.com");
        assertThat(mail.recipients()).containsExactly("alice@rapport.local", "grace@example.com", "alan@example.com");
        assertThat(mail.occurredAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(mail.subject()).isEqualTo("Our renewal");
        assertThat(mail.repliesTo()).containsExactly(CapturedMail.key("xyz@rapport.local"),
                CapturedMail.key("first@rapport.local"));
        assertThat(mail.automatic()).isFalse();
    }

    @Test
    void withoutAMessageIdItsKeyIsItsDateSenderAndSubjectAndAFutureDateIsTheServers() throws Exception {
        String text = """
                Date: Tue, 01 Dec 2026 12:00:00 +0000
                From: ada@example.com
                Subject: %s

                hi
                """;
        CapturedMail once = CapturedMail.of(message(text.formatted("x".repeat(300))), RECEIVED);
        CapturedMail again = CapturedMail.of(message(text.formatted("x".repeat(300))), RECEIVED);
        assertThat(once.key()).isEqualTo(again.key());
        assertThat(once.occurredAt()).as("two hours ahead of the server").isEqualTo(RECEIVED);
        assertThat(once.subject()).hasSize(200).endsWith("…");
    }

    @Test
    void machinesAskNoOneForAnAnswer() throws Exception {
        String[] automatic = { "Auto-Submitted: auto-replied", "X-Autoreply: yes", "Precedence: bulk",
                "List-Id: <news.example.com>", "List-Unsubscribe: <mailto:u@example.com>", "Return-Path: <>" };
        for (String header : automatic) {
            assertThat(CapturedMail.of(message(header + "\nFrom: a@example.com\nSubject: s\n\nb\n"), RECEIVED)
                    .automatic()).as(header).isTrue();
        }
        assertThat(CapturedMail.of(message("Auto-Submitted: no\nFrom: a@example.com\n\nb\n"), RECEIVED).automatic())
                .isFalse();
    }

    private static MimeMessage message(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }
}
