package io.rapport.feedback.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that takes no mail: it refuses every recipient, for good (550) when the address starts with
 * {@code bounce-}, for now (451) otherwise. It speaks just enough SMTP for a client to reach RCPT, so the tests see
 * how the service handles the two refusals SMTP has; the local GreenMail accepts every address.
 */
public final class RefusingMailServer implements AutoCloseable {

    private final ServerSocket socket;

    public RefusingMailServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "refusing-mail-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> converse(client), "refusing-mail-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 refusing.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250 refusing.test");
                } else if (command.startsWith("RCPT TO:<BOUNCE-")) {
                    reply(out, "550 5.1.1 No such user here");
                } else if (command.startsWith("RCPT")) {
                    reply(out, "451 4.3.0 Mailbox busy, try again later");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else if (command.startsWith("DATA")) {
                    reply(out, "503 5.5.1 No valid recipients");
                } else {
                    reply(out, "250 OK"); // HELO, MAIL FROM, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
