package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The policy checks are not vacuous: src/test/resources/policy-violations is the prod overlay with one rule broken
 * per Deployment, and each broken rule is reported, for that Deployment only; the objects stay schema-valid, so
 * only the policy checks stand between such a change and a deployment.
 */
class PolicyChecksCatchViolationsTest {

    private static final String BROKEN = "src/test/resources/policy-violations";
    private final DeploymentPolicyTest policies = new DeploymentPolicyTest();

    @Test
    void theBrokenOverlayIsStillSchemaValid() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : Kustomize.render(BROKEN)) {
            problems.addAll(Schemas.validate(object));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingReadinessProbe() {
        assertThatThrownBy(() -> policies.probesOnTheHealthEndpoints(BROKEN, "contacts-service"))
                .hasMessageContaining("readinessProbe");
        assertThatCode(() -> policies.probesOnTheHealthEndpoints(BROKEN, "feedback-service")).doesNotThrowAnyException();
    }

    @Test
    void missingLimits() {
        assertThatThrownBy(() -> policies.requestsAndLimits(BROKEN, "interactions-service"))
                .hasMessageContaining("limits");
        assertThatCode(() -> policies.requestsAndLimits(BROKEN, "contacts-service")).doesNotThrowAnyException();
    }

    @Test
    void runningAsRoot() {
        assertThatThrownBy(() -> policies.lockedDownSecurityContext(BROKEN, "scheduler-service"))
                .hasMessageContaining("runAsNonRoot");
        assertThatCode(() -> policies.lockedDownSecurityContext(BROKEN, "contacts-service")).doesNotThrowAnyException();
    }

    @Test
    void theLatestTag() {
        assertThatThrownBy(() -> policies.pinnedImage(BROKEN, "feedback-service")).hasMessageContaining(":latest");
        assertThatCode(() -> policies.pinnedImage(BROKEN, "scheduler-service")).doesNotThrowAnyException();
    }

    @Test
    void anEgressRuleOpenOnEveryPort() {
        assertThatThrownBy(() -> policies.serviceBudgetAutoscalerAndNetworkPolicy(BROKEN, "contacts-service"))
                .hasMessageContaining("egress has ports");
    }

    @Test
    void imageReferences() {
        assertThat(Images.isPinned("registry.example.com:5000/rapport/contacts-service:0.1.0")).isTrue();
        assertThat(Images.isPinned("registry.example.com/rapport/contacts-service@sha256:0123abcd")).isTrue();
        assertThat(Images.isPinned("registry.example.com:5000/rapport/contacts-service")).isFalse();
        assertThat(Images.isPinned("rapport/contacts-service:latest")).isFalse();
        assertThat(Images.isPinned("rapport/contacts-service")).isFalse();
    }
}
