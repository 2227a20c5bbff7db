package io.rapport.scheduler.health.service;

import java.util.List;

import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.HealthComponent;

/** A computed score: the weighted mean of the components with data, its band, and every component. */
public record HealthScore(int score, HealthBand band, List<HealthComponent> components) {
}
