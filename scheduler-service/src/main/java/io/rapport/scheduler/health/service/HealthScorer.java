package io.rapport.scheduler.health.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.HealthComponent;
import io.rapport.scheduler.health.HealthFactor;
import io.rapport.scheduler.health.config.HealthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Computes a contact's health score from its facts at a given instant; a pure function of both. Every component
 * that depends on time only falls as time passes, which is what lets {@link RecheckForecast} find the moment the
 * band drops.
 */
@ApplicationScoped
public class HealthScorer {

    private static final Map<String, Integer> SENTIMENT_SCORES = Map.of("VERY_NEGATIVE", 0, "NEGATIVE", 25,
            "NEUTRAL", 50, "POSITIVE", 75, "VERY_POSITIVE", 100);
    /** Past its cadence, recency falls from 75 to 0 over one more cadence. */
    private static final int RECENCY_AT_CADENCE = 75;
    private static final double SECONDS_PER_DAY = 86_400;
    /** The score of a component without data: left out, and the others weighed again. */
    private static final int NO_DATA = -1;
    private static final HealthFactor[] FACTORS = HealthFactor.values();

    private final HealthConfig config;

    public HealthScorer(HealthConfig config) {
        if (config.bands().watchFrom() >= config.bands().healthyFrom()) {
            throw new IllegalArgumentException("rapport.health.bands.watch-from must be below healthy-from");
        }
        this.config = config;
    }

    public HealthScore score(HealthFacts facts, Instant at) {
        List<Rating> ratings = ratings(facts, at);
        int totalWeight = totalWeight(ratings);
        int score = score(ratings, totalWeight);
        List<HealthComponent> components = ratings.stream().map(rating -> {
            Explanation explained = rating.explanation().get();
            return new HealthComponent(rating.factor(), rating.score(), weight(rating.factor()),
                    rating.hasData() ? Math.round(100.0 * weight(rating.factor()) / totalWeight) / 100.0 : 0,
                    explained.text(), explained.facts());
        }).toList();
        return new HealthScore(score, HealthBand.of(score, config.bands()), components);
    }

    /**
     * The band alone, as {@link #score} would give it, from the components' numbers only: what the forecast's
     * bisection asks for some twenty times per contact scored, so it allocates next to nothing (the scores were the
     * scheduler's largest source of garbage, and its collector's work stops every consumer).
     */
    public HealthBand bandAt(HealthFacts facts, Instant at) {
        long weighted = 0;
        int weights = 0;
        for (HealthFactor factor : FACTORS) {
            int score = componentScore(factor, facts, at);
            if (score != NO_DATA) {
                weighted += (long) weight(factor) * score;
                weights += weight(factor);
            }
        }
        return HealthBand.of(weightedMean(weighted, weights), config.bands());
    }

    private int componentScore(HealthFactor factor, HealthFacts facts, Instant at) {
        return switch (factor) {
            case RECENCY -> recencyScore(facts.cadenceDays(), elapsedSeconds(facts.since(), at));
            case SENTIMENT -> sentimentScore(facts.sentiments());
            case FEEDBACK -> feedbackScore(facts);
            case COMMITMENTS -> CommitmentCounts.of(facts, at).score();
            case UNANSWERED -> unansweredScore(facts, at);
        };
    }

    private List<Rating> ratings(HealthFacts facts, Instant at) {
        return List.of(recency(facts, at), sentiment(facts), feedback(facts), commitments(facts, at),
                unanswered(facts, at));
    }

    private int totalWeight(List<Rating> ratings) {
        return ratings.stream().filter(Rating::hasData).mapToInt(rating -> weight(rating.factor())).sum();
    }

    private int score(List<Rating> ratings, int totalWeight) {
        long weighted = ratings.stream().filter(Rating::hasData)
                .mapToLong(rating -> (long) weight(rating.factor()) * rating.score()).sum();
        return weightedMean(weighted, totalWeight);
    }

    private static int weightedMean(long weighted, int weights) {
        return (int) Math.round((double) weighted / weights);
    }

    /** The instant from which time alone changes the score no more. */
    public Instant settledAt(HealthFacts facts) {
        Stream<Instant> recencyBottom = Stream.of(facts.since().plus(Duration.ofDays(2L * facts.cadenceDays())));
        Stream<Instant> repliesBottom = facts.awaitingReply().stream()
                .map(received -> received.plus(config.unansweredZeroAfter()));
        Stream<Instant> commitmentsDue = facts.commitments().stream().filter(commitment -> !commitment.isKept())
                .map(HealthFacts.Commitment::dueAt);
        return Stream.of(recencyBottom, repliesBottom, commitmentsDue).flatMap(instants -> instants)
                .max(Instant::compareTo).orElseThrow();
    }

    /** 100 just after a touch-point, 75 when the cadence is reached, 0 one cadence later. */
    private static Rating recency(HealthFacts facts, Instant at) {
        long elapsed = elapsedSeconds(facts.since(), at);
        long days = elapsed / (long) SECONDS_PER_DAY;
        return new Rating(HealthFactor.RECENCY, recencyScore(facts.cadenceDays(), elapsed), () -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(facts.touched() ? "lastTouchAt" : "contactCreatedAt", facts.since().toString());
            values.put("daysSince", Math.toIntExact(days));
            values.put("cadenceDays", facts.cadenceDays());
            return new Explanation((facts.touched() ? "last touch-point "
                    : "no touch-point since the contact was added ") + daysAgo(days) + "; cadence "
                    + facts.cadenceDays() + " days", values);
        });
    }

    private static int recencyScore(int cadenceDays, long elapsedSeconds) {
        double cadences = elapsedSeconds / SECONDS_PER_DAY / cadenceDays;
        double score = cadences <= 1 ? 100 - (100 - RECENCY_AT_CADENCE) * cadences
                : Math.max(0, RECENCY_AT_CADENCE * (2 - cadences));
        return (int) Math.round(score);
    }

    /** The mean of the latest sentiments (very negative 0 … very positive 100), weighted 1 … n from the oldest. */
    private static Rating sentiment(HealthFacts facts) {
        List<String> sentiments = facts.sentiments();
        if (sentiments.isEmpty()) {
            return Rating.none(HealthFactor.SENTIMENT, "no interaction with a sentiment yet");
        }
        return new Rating(HealthFactor.SENTIMENT, sentimentScore(sentiments), () -> {
            String trend = trend(sentiments);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("sentiments", sentiments);
            values.put("trend", trend);
            String listed = String.join(", ", sentiments.stream().map(HealthScorer::words).toList());
            return new Explanation(sentiments.size() == 1 ? "one sentiment recorded: " + listed
                    : "latest " + sentiments.size() + " sentiments, oldest first: " + listed + "; " + trend, values);
        });
    }

    private static int sentimentScore(List<String> sentiments) {
        if (sentiments.isEmpty()) {
            return NO_DATA;
        }
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < sentiments.size(); i++) {
            weighted += (i + 1) * sentimentScore(sentiments.get(i));
            weights += i + 1;
        }
        return (int) Math.round(weighted / weights);
    }

    /** The newest sentiment against the mean of the ones before it. */
    private static String trend(List<String> sentiments) {
        if (sentiments.size() < 2) {
            return "steady";
        }
        int newest = sentimentScore(sentiments.get(sentiments.size() - 1));
        double before = sentiments.subList(0, sentiments.size() - 1).stream()
                .mapToInt(HealthScorer::sentimentScore).average().orElseThrow();
        return newest > before ? "improving" : newest < before ? "declining" : "steady";
    }

    /** NPS 0-10 as 0-100, CSAT 1-5 as 0-100; the mean of both when the contact answered both. */
    private static Rating feedback(HealthFacts facts) {
        int score = feedbackScore(facts);
        if (score == NO_DATA) {
            return Rating.none(HealthFactor.FEEDBACK, "no survey answered yet");
        }
        return new Rating(HealthFactor.FEEDBACK, score, () -> {
            Map<String, Object> values = new LinkedHashMap<>();
            facts.nps().ifPresent(answer -> {
                values.put("npsScore", answer.score());
                values.put("npsReceivedAt", answer.receivedAt().toString());
            });
            facts.csat().ifPresent(answer -> {
                values.put("csatScore", answer.score());
                values.put("csatReceivedAt", answer.receivedAt().toString());
            });
            return new Explanation(String.join("; ", Stream.of(
                    facts.nps().map(answer -> describe("NPS", answer)),
                    facts.csat().map(answer -> describe("CSAT", answer))).flatMap(Optional::stream).toList()),
                    values);
        });
    }

    private static int feedbackScore(HealthFacts facts) {
        int sum = 0;
        int answers = 0;
        if (facts.nps().isPresent()) {
            sum += percent(facts.nps().get().score() * 10);
            answers++;
        }
        if (facts.csat().isPresent()) {
            sum += percent((facts.csat().get().score() - 1) * 25);
            answers++;
        }
        return answers == 0 ? NO_DATA : (int) Math.round((double) sum / answers);
    }

    private static int percent(int value) {
        return Math.max(0, Math.min(100, value));
    }

    /** Kept on time counts 1, kept late 1/2, overdue and still open 0; commitments not yet due do not count. */
    private static Rating commitments(HealthFacts facts, Instant at) {
        CommitmentCounts counts = CommitmentCounts.of(facts, at);
        long keptOnTime = counts.keptOnTime();
        long keptLate = counts.keptLate();
        long overdue = counts.overdue();
        long notYetDue = counts.notYetDue();
        long due = counts.due();
        if (due == 0) {
            return Rating.none(HealthFactor.COMMITMENTS, "no commitment kept or due yet"
                    + (notYetDue > 0 ? " (" + notYetDue + " open)" : ""));
        }
        return new Rating(HealthFactor.COMMITMENTS, counts.score(),
                () -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    // ints, as JSON gives them back: stored facts compare equal to computed ones, so an unchanged
                    // score is not written again
                    values.put("keptOnTime", Math.toIntExact(keptOnTime));
                    values.put("keptLate", Math.toIntExact(keptLate));
                    values.put("overdue", Math.toIntExact(overdue));
                    values.put("notYetDue", Math.toIntExact(notYetDue));
                    return new Explanation("kept " + (keptOnTime + keptLate) + " of " + due + " commitments due"
                            + (keptLate > 0 ? " (" + keptLate + " late)" : "")
                            + (overdue > 0 ? "; " + overdue + " overdue" : ""), values);
                });
    }

    /** 100 with nothing awaiting a reply; else falls from 100 to 0 as the oldest waits the configured time. */
    private Rating unanswered(HealthFacts facts, Instant at) {
        if (!facts.everAskedToReply()) {
            return Rating.none(HealthFactor.UNANSWERED, "no inbound message has asked for a reply");
        }
        int count = facts.awaitingReply().size();
        if (count == 0) {
            return new Rating(HealthFactor.UNANSWERED, 100,
                    () -> new Explanation("every inbound message answered", Map.of("awaitingReply", 0)));
        }
        Instant oldest = facts.awaitingReply().get(0);
        Duration waiting = Duration.ofSeconds(elapsedSeconds(oldest, at));
        return new Rating(HealthFactor.UNANSWERED, unansweredScore(facts, at), () -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("awaitingReply", count);
            values.put("oldestReceivedAt", oldest.toString());
            return new Explanation(count + (count == 1 ? " inbound message awaits" : " inbound messages await")
                    + " a reply" + (count == 1 ? " for " : ", the oldest for ") + hoursOrDays(waiting), values);
        });
    }

    private int unansweredScore(HealthFacts facts, Instant at) {
        if (!facts.everAskedToReply()) {
            return NO_DATA;
        }
        if (facts.awaitingReply().isEmpty()) {
            return 100;
        }
        long waiting = elapsedSeconds(facts.awaitingReply().get(0), at);
        double left = 1 - (double) waiting / config.unansweredZeroAfter().toSeconds();
        return (int) Math.round(100 * Math.max(0, left));
    }

    private int weight(HealthFactor factor) {
        HealthConfig.Weights weights = config.weights();
        return switch (factor) {
            case RECENCY -> weights.recency();
            case SENTIMENT -> weights.sentiment();
            case FEEDBACK -> weights.feedback();
            case COMMITMENTS -> weights.commitments();
            case UNANSWERED -> weights.unanswered();
        };
    }

    private static int sentimentScore(String sentiment) {
        return SENTIMENT_SCORES.getOrDefault(sentiment, 50); // a sentiment this version does not know is neutral
    }

    private static String describe(String survey, HealthFacts.Survey answer) {
        return survey + " " + answer.score() + (answer.grade() == null ? "" : " (" + words(answer.grade()) + ")")
                + " on " + LocalDate.ofInstant(answer.receivedAt(), ZoneOffset.UTC);
    }

    private static String daysAgo(long days) {
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    private static String hoursOrDays(Duration waiting) {
        return waiting.toHours() < 48 ? waiting.toHours() + " h" : waiting.toDays() + " days";
    }

    private static String words(String constant) {
        return constant.toLowerCase().replace('_', ' ');
    }

    /** Whole seconds from {@code from} to {@code to} ({@code Duration.between(...).toSeconds()}), 0 if before. */
    private static long elapsedSeconds(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        if (to.getNano() < from.getNano()) {
            seconds--;
        }
        return Math.max(0, seconds);
    }

    /** The contact's commitments at an instant, counted in one pass. */
    private record CommitmentCounts(long keptOnTime, long keptLate, long overdue, long notYetDue) {

        static CommitmentCounts of(HealthFacts facts, Instant at) {
            long keptOnTime = 0;
            long kept = 0;
            long overdue = 0;
            for (HealthFacts.Commitment commitment : facts.commitments()) {
                keptOnTime += commitment.isKeptOnTime() ? 1 : 0;
                kept += commitment.isKept() ? 1 : 0;
                overdue += commitment.isOverdueAt(at) ? 1 : 0;
            }
            return new CommitmentCounts(keptOnTime, kept - keptOnTime, overdue,
                    facts.commitments().size() - kept - overdue);
        }

        long due() {
            return keptOnTime + keptLate + overdue;
        }

        int score() {
            return due() == 0 ? NO_DATA : (int) Math.round(100.0 * (keptOnTime + keptLate / 2.0) / due());
        }
    }

    /**
     * A component before weighting: its score (null without data), and how to explain it, which is worked out only
     * when asked for (the forecast scores many times and explains nothing).
     */
    private record Rating(HealthFactor factor, Integer score, Supplier<Explanation> explanation) {

        static Rating none(HealthFactor factor, String explanation) {
            return new Rating(factor, null, () -> new Explanation(explanation, Map.of()));
        }

        boolean hasData() {
            return score != null;
        }
    }

    /** A component's explanation in words, and the facts it rests on. */
    private record Explanation(String text, Map<String, Object> facts) {
    }
}
