package io.rapport.feedback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How a client is told until when their survey link works: in the email and on the survey page alike. */
public final class ExpiryDay {

    private ExpiryDay() {
    }

    /** The day alone, in UTC, written in the client's language: the link works until that moment, whatever their zone. */
    public static String of(Instant expiresAt, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(expiresAt.atZone(ZoneOffset.UTC));
    }
}
