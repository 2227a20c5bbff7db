package io.rapport.scheduler.health.mapping;

import io.rapport.events.contract.RelationshipHealthChanged;
import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.HealthComponent;
import io.rapport.scheduler.health.RelationshipHealth;
import io.rapport.scheduler.health.rest.ComponentResponse;
import io.rapport.scheduler.health.rest.HealthResponse;

public final class HealthMapper {

    private HealthMapper() {
    }

    public static HealthResponse toResponse(RelationshipHealth health) {
        return new HealthResponse(health.contactId, health.owner, health.score, health.band,
                health.components.stream().map(HealthMapper::toResponse).toList(), health.computedAt);
    }

    public static RelationshipHealthChanged toEvent(RelationshipHealth health, int previousScore,
            HealthBand previousBand) {
        return new RelationshipHealthChanged(health.contactId, health.owner, health.score, health.band.name(),
                previousScore, previousBand.name(),
                health.components.stream().map(HealthMapper::toEvent).toList(), health.computedAt);
    }

    private static ComponentResponse toResponse(HealthComponent component) {
        return new ComponentResponse(component.factor(), component.hasData(), component.score(), component.weight(),
                component.effectiveWeight(), component.explanation(), component.facts());
    }

    private static RelationshipHealthChanged.Component toEvent(HealthComponent component) {
        return new RelationshipHealthChanged.Component(component.factor().name(), component.hasData(),
                component.score(), component.weight(), component.effectiveWeight(), component.explanation(),
                component.facts());
    }
}
