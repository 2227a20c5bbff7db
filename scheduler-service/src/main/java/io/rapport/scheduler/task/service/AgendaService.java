package io.rapport.scheduler.task.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.rest.Agenda;
import io.rapport.scheduler.task.rest.TaskResponse;
import io.rapport.scheduler.task.mapping.TaskResponses;
import jakarta.enterprise.context.ApplicationScoped;

/** A rep's day: what is overdue, what is due today in their time zone, and what comes in the next days. */
@ApplicationScoped
public class AgendaService {

    /** Most urgent first, then the earliest due. */
    static final Comparator<Task> ORDER = Comparator.<Task, Integer> comparing(task -> -task.priority.ordinal())
            .thenComparing(task -> task.dueAt)
            .thenComparing(task -> task.id);

    private static final int MAX_TASKS = 500;

    private final TaskResponses responses;
    private final Clock clock;

    public AgendaService(TaskResponses responses, Clock clock) {
        this.responses = responses;
        this.clock = clock;
    }

    public Agenda agenda(String owner, ZoneId zone, int upcomingDays) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant horizon = today.plusDays(1L + upcomingDays).atStartOfDay(zone).toInstant();
        // one more than it shows, to know whether it had to cut
        List<Task> open = Task.<Task>find("owner = ?1 and status = ?2 and dueAt < ?3 order by dueAt, id", owner,
                TaskStatus.OPEN, horizon).page(0, MAX_TASKS + 1).list();
        boolean truncated = open.size() > MAX_TASKS;
        List<Task> shown = truncated ? open.subList(0, MAX_TASKS) : open;
        return new Agenda(owner, today, zone.getId(),
                section(shown, task -> task.dueAt.isBefore(now)),
                section(shown, task -> !task.dueAt.isBefore(now) && task.dueAt.isBefore(endOfToday)),
                section(shown, task -> !task.dueAt.isBefore(endOfToday)), truncated);
    }

    private List<TaskResponse> section(List<Task> tasks, Predicate<Task> in) {
        return responses.of(tasks.stream().filter(in).sorted(ORDER).toList());
    }
}
