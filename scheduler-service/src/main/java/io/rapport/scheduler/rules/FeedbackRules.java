package io.rapport.scheduler.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.rapport.events.contract.FeedbackReceived;
import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a survey answer calls for: a detractor or a dissatisfied client gets a RECOVERY task within the recovery
 * window; a promoter an APPRECIATION task (thank them, ask for a referral).
 */
@ApplicationScoped
public class FeedbackRules {

    public static final String RECOVERY = "recover-unhappy-client";
    public static final String APPRECIATION = "thank-promoter";

    private final RulesConfig config;

    public FeedbackRules(RulesConfig config) {
        this.config = config;
    }

    public List<TaskProposal> propose(FeedbackReceived feedback) {
        List<TaskProposal> proposals = new ArrayList<>();
        String subject = "feedback:" + feedback.requestId();
        LocalDate day = LocalDate.ofInstant(feedback.receivedAt(), ZoneOffset.UTC);
        List<String> unhappy = new ArrayList<>();
        if ("DETRACTOR".equals(feedback.npsClass())) {
            unhappy.add("NPS " + feedback.npsScore() + " (detractor)");
        }
        if ("DISSATISFIED".equals(feedback.csatClass())) {
            unhappy.add("CSAT " + feedback.csatScore() + " (dissatisfied)");
        }
        if (!unhappy.isEmpty()) {
            proposals.add(new TaskProposal(RECOVERY, TaskKind.RECOVERY, subject, "", TaskPriority.HIGH,
                    feedback.receivedAt().plus(config.recovery().within()), String.join(" and ", unhappy)
                            + " on " + day + "; follow up within " + config.recovery().within().toHours() + " h",
                    null));
        }
        if ("PROMOTER".equals(feedback.npsClass())) {
            proposals.add(new TaskProposal(APPRECIATION, TaskKind.APPRECIATION, subject, "", TaskPriority.NORMAL,
                    feedback.receivedAt().plus(Duration.ofDays(config.appreciation().promoterWithinDays())),
                    "NPS " + feedback.npsScore() + " (promoter) on " + day
                            + ": thank them and ask for a referral", null));
        }
        return proposals;
    }
}
