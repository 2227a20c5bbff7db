package io.rapport.feedback.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource reached through a survey link, with the token in its path: {@link SurveyLinkGate} takes the rate
 * limits and looks the link up before anything else happens, a body is read above all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicSurveyLink {
}
