package io.rapport.scheduler.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Working days and opening hours in one time zone; adds durations counting only time within them. */
public record BusinessHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {

    public BusinessHours {
        if (!start.isBefore(end) || days.isEmpty()) {
            throw new IllegalArgumentException("business hours need a start before the end and at least one day");
        }
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        ZonedDateTime cursor = from.atZone(zone);
        Duration left = amount;
        while (true) {
            LocalDate day = cursor.toLocalDate();
            if (days.contains(day.getDayOfWeek())) {
                ZonedDateTime open = day.atTime(start).atZone(zone);
                ZonedDateTime close = day.atTime(end).atZone(zone);
                ZonedDateTime begin = cursor.isAfter(open) ? cursor : open;
                if (begin.isBefore(close)) {
                    Duration available = Duration.between(begin, close);
                    if (left.compareTo(available) <= 0) {
                        return begin.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
    }
}
