package io.rapport.scheduler.task.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Open (and snoozed) tasks by kind and priority, as a gauge: what the reps have on their plates, and whether URGENT
 * work piles up. Counted every 30 s, so a scrape never waits on the database.
 */
@ApplicationScoped
public class OpenTaskGauge {

    private static final Logger LOG = Logger.getLogger(OpenTaskGauge.class);

    private final DataSource dataSource;
    private final MultiGauge openTasks;

    public OpenTaskGauge(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.openTasks = MultiGauge.builder("rapport.tasks.open").description("Open or snoozed tasks")
                .baseUnit("tasks").register(registry);
    }

    @Scheduled(every = "${rapport.tasks.gauge-interval:30s}", identity = "open-task-gauge",
            concurrentExecution = ConcurrentExecution.SKIP)
    public void measure() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select kind, priority, count(*) from task"
                        + " where status in ('OPEN', 'SNOOZED') group by kind, priority");
                ResultSet result = count.executeQuery()) {
            while (result.next()) {
                rows.add(MultiGauge.Row.of(Tags.of("kind", result.getString(1), "priority", result.getString(2)),
                        result.getLong(3)));
            }
            openTasks.register(rows, true);
        } catch (SQLException e) {
            LOG.debugf("Open tasks not counted: %s", e.getMessage());
        }
    }
}
