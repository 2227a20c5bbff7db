package io.rapport.feedback;

/** PENDING until answered, cancelled or past its expiry; EXPIRED is never stored, it is PENDING past expiresAt. */
public enum SurveyStatus {
    PENDING, ANSWERED, EXPIRED, CANCELLED
}
