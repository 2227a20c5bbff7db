package io.rapport.interactions.capture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.resteasy.problem.HttpProblem;

class ImapSessionsTest {

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        ImapSessions publicOnly = sessions(false);
        for (String host : new String[] { "127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "172.16.5.4",
                "169.254.169.254", "::1", "fd00::1", "0.0.0.0" }) {
            assertThatThrownBy(() -> publicOnly.checkReachable(host)).as(host).isInstanceOf(HttpProblem.class)
                    .hasMessageContaining("private address");
        }
        assertThatCode(() -> publicOnly.checkReachable("93.184.215.14")).doesNotThrowAnyException();
        assertThatCode(() -> sessions(true).checkReachable("127.0.0.1")).doesNotThrowAnyException();
    }

    private static ImapSessions sessions(boolean allowInternal) {
        CaptureConfig config = new CaptureConfig() {
            @Override
            public Optional<String> trustedCertificate() {
                return Optional.empty();
            }

            @Override
            public boolean allowInternalHosts() {
                return allowInternal;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int backfillDays() {
                return 90;
            }

            @Override
            public String pollInterval() {
                return "off";
            }

            @Override
            public Duration lease() {
                return Duration.ofMinutes(2);
            }

            @Override
            public int chunk() {
                return 200;
            }

            @Override
            public Optional<List<String>> internalDomains() {
                return Optional.empty();
            }
        };
        return new ImapSessions(config, new MailTrust(config));
    }
}
