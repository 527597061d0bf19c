package org.switchboard.jainsip.internal;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the RI's logging to slf4j (logger {@code org.switchboard.jainsip}). The RI logs every
 * malformed datagram at ERROR, which would let anyone flood the log: those lines go to DEBUG,
 * and a WARN summary says how many were dropped, at most once a minute.
 */
public class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.switchboard.jainsip");
    private static final long SUMMARY_MILLIS = 60_000;
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong lastSummary = new AtomicLong(System.currentTimeMillis());

    static boolean isAboutPeerInput(String message) {
        return message != null && (message.contains("bad message") || message.contains("Dropped Bad Msg")
                || message.contains("Error while processing incoming") || message.contains("Detected a parsing issue")
                || message.startsWith("Malformed") || message.contains("Unexpected Token")
                || message.contains("Badly formatted"));
    }

    private void peerInput(String message, Throwable e) {
        LOG.debug("Malformed SIP input: {}", message, e);
        long count = malformed.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastSummary.get();
        if (now - last >= SUMMARY_MILLIS && lastSummary.compareAndSet(last, now)) {
            malformed.addAndGet(-count);
            LOG.warn("Dropped {} malformed SIP messages in the last {} s (log:set DEBUG org.switchboard.jainsip for each one)",
                    count, (now - last) / 1000);
        }
    }

    @Override
    public void logError(String message) {
        logError(message, null);
    }

    @Override
    public void logError(String message, Exception e) {
        if (e != null && String.valueOf(e.getMessage()).startsWith("Connection refused by Switchboard")) {
            LOG.debug("{}: {}", message, e.getMessage()); // the SIP bundle counts and summarises these
        } else if (isAboutPeerInput(message) || e instanceof NullPointerException && message != null
                && message.contains("incoming")) {
            peerInput(message, e);
        } else {
            LOG.error(message, e);
        }
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logWarning(String message) {
        if (isAboutPeerInput(message)) {
            peerInput(message, null);
        } else if (message != null && message.startsWith("using default tls security policy")) {
            LOG.debug(message); // the platform configures TLS itself
        } else {
            LOG.warn(message);
        }
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message); // the RI's INFO lines are internal detail
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception e) {
        LOG.debug(message, e);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logException(Throwable t) {
        LOG.debug("SIP stack exception", t);
    }

    @Override
    public void logStackTrace() {
        // stack traces of the caller are only useful at TRACE
    }

    @Override
    public void logStackTrace(int level) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    /** When {@link #debugEnabled} was last asked of the logging system (System.nanoTime). */
    private volatile long debugCheckedAt = System.nanoTime() - DEBUG_RECHECK_NANOS;
    private volatile boolean debugEnabled;
    private static final long DEBUG_RECHECK_NANOS = 1_000_000_000L;

    @Override
    public boolean isLoggingEnabled(int level) {
        // INFO and finer are logged at DEBUG: don't let the RI build those strings otherwise. The RI
        // asks several times per message; pax-logging's answer costs ~3 % of a proxied call's CPU,
        // so it is asked once a second (log:set takes effect within that second).
        if (level <= TRACE_WARN) {
            return true;
        }
        long now = System.nanoTime();
        if (now - debugCheckedAt >= DEBUG_RECHECK_NANOS) {
            debugEnabled = LOG.isDebugEnabled();
            debugCheckedAt = now;
        }
        return debugEnabled;
    }

    @Override
    public void disableLogging() {
        // levels come from the logging configuration
    }

    @Override
    public void enableLogging() {
        // levels come from the logging configuration
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties properties) {
        // levels come from the logging configuration
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
