package io.rapport.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.net.Inet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start with a trusted proxy that is not an IP address or a CIDR range. Quarkus resolves a host name
 * among {@code quarkus.http.proxy.trusted-proxies} on every request, each time with a new Vert.x DNS client whose
 * UDP socket is never closed: the service leaks one file descriptor per request (health probes included) until it
 * stops answering. A bare IPv6 address such as {@code ::1} takes the same path, because its colons read as a port.
 */
@ApplicationScoped
public class TrustedProxies {

    static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";

    private static final Pattern CIDR = Pattern.compile("(.+)/(\\d{1,3})");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+)(?::\\d{1,5})?");

    void checkAtStartup(@Observes StartupEvent startup, Config config) {
        String value = config.getConfigValue(PROPERTY).getValue();
        List<String> refused = refused(value);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("RAPPORT_TRUSTED_PROXIES (" + PROPERTY + ") may name IP addresses and CIDR"
                    + " ranges only, such as 10.0.0.0/8, 192.0.2.7 or [2001:db8::7] (IPv6 in brackets); refused: "
                    + String.join(", ", refused));
        }
    }

    /** The entries of a trusted-proxies value that Quarkus would have to look up in the DNS. */
    static List<String> refused(String value) {
        List<String> refused = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return refused;
        }
        for (String entry : value.split(",")) {
            String proxy = entry.trim();
            if (!proxy.isEmpty() && !isLiteral(proxy)) {
                refused.add(proxy);
            }
        }
        return refused;
    }

    private static boolean isLiteral(String proxy) {
        Matcher cidr = CIDR.matcher(proxy);
        if (cidr.matches()) {
            return Inet.parseInetAddress(cidr.group(1)) != null;
        }
        Matcher ipv6 = BRACKETED_IPV6.matcher(proxy);
        if (ipv6.matches()) {
            return Inet.parseInet6Address(ipv6.group(1)) != null;
        }
        Matcher ipv4 = IPV4_WITH_PORT.matcher(proxy);
        return ipv4.matches() && Inet.parseInet4Address(ipv4.group(1)) != null;
    }
}
