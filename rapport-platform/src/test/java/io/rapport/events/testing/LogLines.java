package io.rapport.events.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * What the application in this JVM logs while it is open, at every level its loggers let through, each line with the
 * stack trace of its exception: a test looks in it for what must never be logged.
 */
public final class LogLines implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() == null ? "" : record.getLoggerName())
                    .append(": ").append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                            : record.getMessage());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogLines() {
        Logger.getLogger("").addHandler(handler);
    }

    public static LogLines capture() {
        return new LogLines();
    }

    /** The lines logged so far that contain the text. */
    public List<String> containing(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    public int count() {
        return lines.size();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
