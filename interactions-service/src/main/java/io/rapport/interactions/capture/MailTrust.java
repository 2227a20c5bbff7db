package io.rapport.interactions.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The TLS that capture speaks to mail servers: the JVM's own authorities, and the certificates of
 * {@code rapport.capture.trusted-certificate} besides them. Server names are checked either way.
 */
@ApplicationScoped
public class MailTrust {

    private final SSLSocketFactory sockets;

    public MailTrust(CaptureConfig config) {
        try {
            X509TrustManager jvm = trustManager(null);
            X509TrustManager extra = config.trustedCertificate().filter(path -> !path.isBlank())
                    .map(MailTrust::keyStore).map(MailTrust::trustManager).orElse(null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { extra == null ? jvm : either(jvm, extra) }, null);
            this.sockets = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS for capture could not be set up", e);
        }
    }

    public SSLSocketFactory sockets() {
        return sockets;
    }

    private static KeyStore keyStore(String pemPath) {
        try (InputStream pem = Files.newInputStream(Path.of(pemPath))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("RAPPORT_CAPTURE_TRUSTED_CERTIFICATE (" + pemPath + ") cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("No X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts what the JVM trusts, and what the extra certificates sign. */
    private static X509TrustManager either(X509TrustManager jvm, X509TrustManager extra) {
        return new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    jvm.checkServerTrusted(chain, authType);
                } catch (CertificateException notByTheJvm) {
                    extra.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                jvm.checkClientTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return jvm.getAcceptedIssuers();
            }
        };
    }
}
