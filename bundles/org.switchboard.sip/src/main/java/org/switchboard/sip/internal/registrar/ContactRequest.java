package org.switchboard.sip.internal.registrar;

/**
 * One Contact of a REGISTER.
 *
 * @param uri the contact URI, without header parameters
 * @param expires the contact's expires parameter, or null
 * @param q the q-value, or null
 * @param instance the +sip.instance value, empty if none
 * @param regId the reg-id, 0 if none
 */
public record ContactRequest(String uri, Integer expires, Float q, String instance, int regId) {
    public ContactRequest {
        instance = instance == null ? "" : instance;
    }

    String key() {
        return instance.isEmpty() ? uri : instance + ";reg-id=" + regId;
    }
}
