package io.rapport.feedback.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.SurveyChannel;
import io.rapport.rest.input.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Which channels Rapport delivers, and through which courier. LINK and IN_APP are handed over by the rep or the
 * frontend; every other channel needs a courier bean, and a survey asking for one without it is refused.
 */
@ApplicationScoped
public class SurveyCouriers {

    private static final Set<SurveyChannel> HANDED_OVER = Set.of(SurveyChannel.LINK, SurveyChannel.IN_APP);

    private final Map<SurveyChannel, SurveyCourier> byChannel = new EnumMap<>(SurveyChannel.class);

    public SurveyCouriers(Instance<SurveyCourier> couriers) {
        couriers.forEach(courier -> byChannel.put(courier.channel(), courier));
    }

    /** Whether a survey on this channel is queued for sending by Rapport. */
    public boolean delivers(SurveyChannel channel) {
        return !HANDED_OVER.contains(channel);
    }

    /** 422 on {@code channel} when Rapport cannot reach the contact that way. */
    public void checkReachable(SurveyChannel channel, FeedbackContact contact) {
        if (!delivers(channel)) {
            return;
        }
        SurveyCourier courier = byChannel.get(channel);
        if (courier == null) {
            throw unreachable("No " + channel + " provider is configured: send the survey by EMAIL or LINK");
        }
        courier.unreachable(contact).ifPresent(reason -> {
            throw unreachable(reason);
        });
    }

    public Optional<SurveyCourier> forChannel(SurveyChannel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    private static HttpProblem unreachable(String message) {
        return InvalidInput.unprocessable("channel", message);
    }
}
