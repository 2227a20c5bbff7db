package io.rapport.scheduler.task.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "rapport.tasks")
public interface TasksConfig {

    /** Most tasks one page of a list returns. */
    int maxPageSize();
}
