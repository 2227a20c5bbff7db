package io.rapport.interactions;

/** A link to material attached to an interaction (a deck, a recording, a shared document). */
public record Attachment(String url, String title) {
}
