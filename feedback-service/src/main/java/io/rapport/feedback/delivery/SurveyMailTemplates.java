package io.rapport.feedback.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import io.rapport.feedback.ExpiryDay;
import io.rapport.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a survey email from Qute templates, one set per language: {@code survey-mail/<language>.subject.txt},
 * {@code .txt} (the plain-text body) and {@code .html}. English and German are built in; a file of the same name in
 * the operator's directory ({@code rapport.feedback.delivery.templates}) replaces a built-in one, or adds a language.
 * The client's language is matched from the most specific tag down ({@code de-AT}, then {@code de}), then English.
 */
@ApplicationScoped
public class SurveyMailTemplates {

    static final String FALLBACK_LANGUAGE = "en";
    private static final String FOLDER = "survey-mail/";

    /** What a template writes. */
    public record Written(String subject, String text, String html) {
    }

    private final Engine engine;
    private final Optional<Path> overrides;
    private final Map<String, Optional<Template>> found = new ConcurrentHashMap<>();

    public SurveyMailTemplates(Engine engine, FeedbackConfig config) {
        this.engine = engine;
        this.overrides = config.delivery().templates();
    }

    public Written write(SurveyInvitation invitation) {
        String language = languageFor(invitation.language());
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> data = Map.of(
                "firstName", invitation.firstName() == null ? "" : invitation.firstName(),
                "repName", invitation.repName(),
                "kind", invitation.kind().name(),
                "reason", invitation.contextType() == null ? "" : invitation.contextType().name(),
                "link", invitation.link().toString(),
                "expiresOn", ExpiryDay.of(invitation.expiresAt(), locale));
        return new Written(render(language, ".subject.txt", data).strip(), render(language, ".txt", data),
                render(language, ".html", data));
    }

    /** The most specific language there are templates for. */
    String languageFor(String requested) {
        for (String candidate : candidates(requested)) {
            if (template(candidate + ".txt").isPresent()) {
                return candidate;
            }
        }
        return FALLBACK_LANGUAGE;
    }

    private static List<String> candidates(String requested) {
        List<String> candidates = new ArrayList<>();
        if (requested != null && !requested.isBlank()) {
            String tag = Locale.forLanguageTag(requested).toLanguageTag();
            while (!tag.isEmpty() && !tag.equals("und")) {
                candidates.add(tag);
                int dash = tag.lastIndexOf('-');
                tag = dash < 0 ? "" : tag.substring(0, dash);
            }
        }
        candidates.add(FALLBACK_LANGUAGE);
        return candidates;
    }

    private String render(String language, String suffix, Map<String, Object> data) {
        Template template = template(language + suffix).orElseThrow(() -> new IllegalStateException(
                "No survey mail template " + FOLDER + language + suffix));
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private Optional<Template> template(String name) {
        return found.computeIfAbsent(name, this::load);
    }

    private Optional<Template> load(String name) {
        Optional<Path> override = overrides.map(dir -> dir.resolve(FOLDER + name)).filter(Files::isRegularFile);
        if (override.isPresent()) {
            try {
                // the suffix decides the escaping, as for a built-in template: HTML-escaped in .html only
                Variant variant = Variant.forContentType(name.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
                return Optional.of(engine.parse(Files.readString(override.get()), variant, name));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the survey mail template " + override.get(), e);
            }
        }
        return Optional.ofNullable(engine.getTemplate(FOLDER + name));
    }
}
