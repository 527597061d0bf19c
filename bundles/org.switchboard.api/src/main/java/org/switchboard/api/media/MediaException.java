package org.switchboard.api.media;

/** A media request that cannot be served, with the SIP status to answer it with. */
public class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int sipStatus;

    /**
     * @param sipStatus the SIP status a caller should see, such as 488 or 503
     * @param message what went wrong and what to do about it
     */
    public MediaException(int sipStatus, String message) {
        super(message);
        this.sipStatus = sipStatus;
    }

    /** @return the SIP status a caller should see */
    public int sipStatus() {
        return sipStatus;
    }
}
