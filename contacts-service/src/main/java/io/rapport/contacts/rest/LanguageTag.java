package io.rapport.contacts.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A BCP 47 language tag such as {@code de} or {@code pt-BR}; null is valid (use @NotNull to require one). */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as de or pt-BR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                // the builder, unlike Locale.forLanguageTag, refuses an ill-formed tag instead of dropping what it
                // cannot read; BCP 47 keeps 5 to 8 letters for languages not registered yet (there are none), so
                // "english" is a mistake, not a language
                int length = new Locale.Builder().setLanguageTag(value).build().getLanguage().length();
                return length == 2 || length == 3;
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
