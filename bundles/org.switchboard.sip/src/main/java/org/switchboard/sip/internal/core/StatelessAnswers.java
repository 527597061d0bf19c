package org.switchboard.sip.internal.core;


import java.text.ParseException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The final responses the platform sent statelessly over UDP, kept for a short while so that a
 * retransmission of the request (same branch, sent-by and method) gets the very same response
 * again (RFC 3261 17.2.3), instead of being handled anew: an authenticated REGISTER retransmitted
 * while its 200 was delayed would otherwise find its nonce-count used and get {@code stale=true}.
 *
 * <p>Bounded: at most {@code capacity} responses, kept as text (about 0.5 KB each), each for at
 * most {@code ttlMillis}; the oldest go first. At 10,000 answers per second a capacity of 32,768
 * still covers the retransmissions of the first 3 s (500 ms, 1 s, 2 s).
 */
public final class StatelessAnswers {
    private record Entry(String response, long expires) {
    }

    private final ConcurrentHashMap<String, Entry> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clock;

    public StatelessAnswers(int capacity, long ttlMillis, LongSupplier clock) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /**
     * Marks a request whose final response is on its way but not sent yet (a REGISTER's 200 waits
     * for the location store's commit): until it is remembered, retransmissions are absorbed
     * instead of being handled anew (where the nonce count would already be used).
     */
    public void pending(Request request) {
        String key = key(request);
        if (key != null && capacity > 0) {
            put(key, new Entry(null, clock.getAsLong() + ttlMillis));
        }
    }

    /** @return whether a final response to this request is on its way (see {@link #pending(Request)}) */
    boolean isPending(Request request) {
        Entry e = live(request);
        return e != null && e.response() == null;
    }

    private Entry live(Request request) {
        String key = key(request);
        Entry e = key == null ? null : answers.get(key);
        return e == null || e.expires() < clock.getAsLong() ? null : e;
    }

    /**
     * What was answered to a request, in one lookup.
     *
     * @param response the response sent, or null while it is pending
     */
    public record Seen(Response response) {
        /** @return whether the response is on its way but not sent yet */
        public boolean pending() {
            return response == null;
        }
    }

    /**
     * @param factory parses the kept response
     * @return null when this request was not answered here recently (nor is being answered)
     */
    public Seen seen(Request request, MessageFactory factory) {
        Entry e = live(request);
        if (e == null) {
            return null;
        }
        if (e.response() == null) {
            return new Seen(null);
        }
        try {
            return new Seen(factory.createResponse(e.response()));
        } catch (ParseException ex) {
            return null;
        }
    }

    /** Remembers a final response sent statelessly to a request that came over UDP. */
    public void remember(Request request, Response response) {
        String key = key(request);
        if (key == null || response.getStatusCode() < 200 || capacity <= 0) {
            return;
        }
        put(key, new Entry(response.toString(), clock.getAsLong() + ttlMillis));
    }

    private void put(String key, Entry entry) {
        if (answers.put(key, entry) == null) {
            order.add(key);
            if (size.incrementAndGet() > capacity) {
                String oldest = order.poll();
                if (oldest != null && answers.remove(oldest) != null) {
                    size.decrementAndGet();
                }
            }
        }
    }

    /** @return the response already sent to this request, or null if it is not a retransmission of one */
    public Response previous(Request request, MessageFactory factory) {
        Seen seen = seen(request, factory);
        return seen == null ? null : seen.response();
    }

    int size() {
        return size.get();
    }

    static String key(Request request) {
        if (Request.ACK.equals(request.getMethod())) {
            return null;
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (via == null || cseq == null || !"UDP".equalsIgnoreCase(via.getTransport())) {
            return null;
        }
        String branch = via.getBranch();
        if (branch == null || !branch.startsWith("z9hG4bK")) {
            return null; // RFC 2543 peers: no reliable match
        }
        return branch + '|' + via.getHost().toLowerCase(Locale.ROOT) + ':' + via.getPort() + '|' + cseq.getMethod()
                + '|' + cseq.getSeqNumber();
    }
}
