package io.rapport.feedback.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the survey page, in English; {@code messages/page_de.properties} has them in German. Templates use them
 * as {@code {page:title}}; the page's locale picks the language.
 */
@MessageBundle("page")
public interface SurveyPageMessages {

    @Message("Your feedback")
    String title();

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Hello,")
    String greetingWithoutName();

    @Message("{rep} would like to know how we are doing. It takes a minute.")
    String intro(String rep);

    @Message("How likely is it that you would recommend us to a friend or colleague?")
    String npsQuestion();

    @Message("0 means not at all likely, 10 extremely likely.")
    String npsScale();

    @Message("How satisfied are you with the service you received?")
    String csatQuestion();

    @Message("1 means very dissatisfied, 5 very satisfied.")
    String csatScale();

    @Message("Anything you would like to tell us? (optional)")
    String commentLabel();

    @Message("Send my answer")
    String submit();

    @Message("This link is yours alone and works until {date}.")
    String expires(String date);

    @Message("There is a problem")
    String errorTitle();

    @Message("Please choose a score for each question.")
    String scoreMissing();

    @Message("Your comment is longer than 2,000 characters; please shorten it.")
    String commentTooLong();

    @Message("Thank you!")
    String thanksTitle();

    @Message("Your answer has reached {rep}.")
    String thanks(String rep);

    @Message("This survey is closed")
    String closedTitle();

    @Message("This survey has already been answered. Thank you!")
    String answered();

    @Message("This survey link has expired.")
    String expired();

    @Message("This survey was withdrawn.")
    String withdrawn();

    @Message("No survey here")
    String nowhereTitle();

    @Message("This link does not lead to a survey. Please check that it was copied whole.")
    String nowhere();

    @Message("Too many attempts")
    String tooManyTitle();

    @Message("Please try again in {seconds} seconds.")
    String tooMany(String seconds);
}
