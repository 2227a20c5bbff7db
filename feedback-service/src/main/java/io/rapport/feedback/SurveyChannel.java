package io.rapport.feedback;

/** How the survey link reaches the client. */
public enum SurveyChannel {
    EMAIL, SMS, MESSAGE, IN_APP, LINK
}
