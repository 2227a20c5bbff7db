package io.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void addressesAndRangesAreAccepted() {
        assertThat(TrustedProxies.refused("0.0.0.0/32")).isEmpty();
        assertThat(TrustedProxies.refused("10.0.0.0/8, 192.0.2.7,192.0.2.8:8443,::1/128,[2001:db8::7],[::1]:80"))
                .isEmpty();
        assertThat(TrustedProxies.refused("")).isEmpty();
        assertThat(TrustedProxies.refused(null)).isEmpty();
    }

    @Test
    void whatQuarkusWouldLookUpOnEveryRequestIsRefused() {
        // "::1" reads as host ":" and port 1, a host name; so do real host names and a malformed address
        assertThat(TrustedProxies.refused("127.0.0.1,::1,ingress.example.com,10.0.0.300,localhost"))
                .containsExactly("::1", "ingress.example.com", "10.0.0.300", "localhost");
    }
}
