package io.rapport.interactions.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Mailbox connections, oldest first (a rep has a few: no pages)")
public record MailboxList(List<MailboxView> items) {
}
