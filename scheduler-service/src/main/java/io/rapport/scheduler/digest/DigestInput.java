package io.rapport.scheduler.digest;

import java.time.LocalTime;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.validation.TimeZoneId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A rep's daily agenda by email: where, when in their day, on or off")
public record DigestInput(
        @Schema(description = "Where the digest goes", examples = "alice@example.com")
        @NotBlank @Email @Size(max = 320) String address,
        @Schema(description = "The time of the rep's day it is sent at (HH:mm)", type = SchemaType.STRING,
                examples = "07:30") @NotNull LocalTime time,
        @Schema(description = "The rep's IANA time zone: what 'today' and the time mean", examples = "Europe/Paris")
        @NotNull @TimeZoneId String timezone,
        @Schema(description = "false: no digest until it is on again") @NotNull Boolean enabled,
        @Schema(description = "Also on days with nothing on the agenda; default false") Boolean sendWhenEmpty,
        @Schema(description = "Also email each URGENT or HIGH task at once, as it is raised or escalated; default "
                + "false") Boolean instantAlerts) {
}
