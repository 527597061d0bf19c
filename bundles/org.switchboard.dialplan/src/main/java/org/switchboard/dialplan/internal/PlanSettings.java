package org.switchboard.dialplan.internal;

import java.util.List;

/**
 * The dial plan's configuration as text, before it is checked: the values of PID
 * {@code org.switchboard.dialplan}.
 *
 * @param countryCode {@code country.code}
 * @param nationalPrefix {@code national.prefix}
 * @param internationalPrefix {@code international.prefix}
 * @param extensionMaxDigits {@code extension.max.digits}
 * @param rules {@code rules}: each element may hold several rules separated by commas
 */
record PlanSettings(String countryCode, String nationalPrefix, String internationalPrefix, String extensionMaxDigits,
        List<String> rules) {
}
