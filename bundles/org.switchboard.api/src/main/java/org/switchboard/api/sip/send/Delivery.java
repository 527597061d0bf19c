package org.switchboard.api.sip.send;

/**
 * What one device answered.
 *
 * @param contact the device's registered contact
 * @param status the final status it answered, or 408 when it did not answer, 503 when it could not be reached
 * @param reason the reason phrase
 */
public record Delivery(String contact, int status, String reason) {

    /** @return whether the device accepted the request (2xx) */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
