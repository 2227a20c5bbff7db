package io.rapport.interactions.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;

import io.rapport.interactions.MailboxSecurity;
import io.rapport.rest.input.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Opens IMAP sessions to the reps' mail servers (Jakarta Mail's IMAP client, Eclipse Angus): always encrypted
 * (TLS from the first byte, or STARTTLS required before the login), server names checked, within the configured
 * timeouts.
 */
@ApplicationScoped
public class ImapSessions {

    /** Where a mailbox is and who logs in: what a connection needs besides the password. */
    public record Account(String host, int port, MailboxSecurity security, String username) {
    }

    private final CaptureConfig config;
    private final MailTrust trust;

    public ImapSessions(CaptureConfig config, MailTrust trust) {
        this.config = config;
        this.trust = trust;
    }

    /** A logged-in store; the caller closes it. */
    public Store open(Account account, String password) throws MessagingException {
        String protocol = account.security() == MailboxSecurity.TLS ? "imaps" : "imap";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put(prefix + "connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
        properties.put(prefix + "timeout", Long.toString(config.readTimeout().toMillis()));
        properties.put(prefix + "writetimeout", Long.toString(config.readTimeout().toMillis()));
        properties.put(prefix + "ssl.socketFactory", trust.sockets());
        properties.put(prefix + "ssl.checkserveridentity", "true");
        if (account.security() == MailboxSecurity.TLS) {
            properties.put(prefix + "ssl.enable", "true");
        } else {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(account.host(), account.port(), account.username(), password);
        return store;
    }

    /**
     * Refuses a host that is no public address, unless configured otherwise: a login attempt answered fast or slow
     * would tell a rep what listens inside the network.
     */
    public void checkReachable(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw InvalidInput.unprocessable("host", "is not a host name that resolves");
        }
        if (config.allowInternalHosts()) {
            return;
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                throw InvalidInput.unprocessable("host", "is a private address (" + address.getHostAddress()
                        + "); this service reaches public mail servers only");
            }
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
    }
}
