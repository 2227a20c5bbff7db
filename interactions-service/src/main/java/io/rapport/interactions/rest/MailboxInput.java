package io.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interactions.MailboxSecurity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A mailbox to connect for capture: the IMAP account and its password (or app password)")
public record MailboxInput(
        @Schema(examples = "imap.example.com") @NotBlank @Size(max = 253) String host,
        @Schema(description = "993 for TLS, 143 for STARTTLS") @NotNull @Min(1) @Max(65535) Integer port,
        @Schema(description = "TLS from the first byte, or STARTTLS before the login; never in the clear")
        @NotNull MailboxSecurity security,
        @Schema(examples = "alice@example.com") @NotBlank @Size(max = 320) String username,
        @Schema(description = "Tried at once, then stored sealed (AES-GCM) and never answered",
                writeOnly = true) @NotBlank @Size(max = 1000) String password,
        @Schema(description = "The rep whose mailbox it is; defaults to the caller. Only an admin may name another "
                + "rep.") @Size(min = 1, max = 100) String owner,
        @Schema(description = "The folder of received mail; default INBOX") @Size(min = 1, max = 200)
        String inboxFolder,
        @Schema(description = "The folder of sent mail; default the one marked \\Sent (RFC 6154)")
        @Size(min = 1, max = 200) String sentFolder) {
}
