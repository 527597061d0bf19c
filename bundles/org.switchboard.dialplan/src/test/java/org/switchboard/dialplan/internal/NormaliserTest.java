package org.switchboard.dialplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTest {
    private final Normaliser uk = new Normaliser("44", "0", "00", 6);

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        // national numbers get the country code
        "07700 900123       | +447700900123",
        "07700-900-123      | +447700900123",
        "(020) 7946.0000    | +442079460000",
        "020/7946 0000      | +442079460000",
        // the international prefix becomes +
        "0049 30 1234567    | +49301234567",
        "001 212 555 0100   | +12125550100",
        // already E.164: separators go, + stays, (0) of the national prefix goes
        "+44 7700 900123    | +447700900123",
        "+44 (0)20 7946 0000| +442079460000",
        "+1-212-555-0100    | +12125550100",
        // a bare long number gets +
        "4930 1234567       | +49301234567",
        "12125550100        | +12125550100",
        // extensions (up to 6 digits) are left alone, even with a leading 0
        "1001               | 1001",
        "8123               | 8123",
        "112                | 112",
        "012345             | 012345",
        "10-01              | 1001",
        // service codes are left alone
        "*43                | *43",
        "*21*07700900123#   | *21*07700900123#",
        "*800               | *800",
        // user names are never touched, separators included
        "bob                | bob",
        "john.doe-2         | john.doe-2",
        "alice.smith        | alice.smith",
        "bob7               | bob7",
        // a stray + in the middle is not a number: cleaned, not normalised
        "12+34567890        | 12+34567890",
    })
    void normalises(String dialled, String expected) {
        assertEquals(expected, uk.normalise(dialled));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "07700 900123   | 07700900123",   // no country code: national numbers stay as dialled
        "0049301234567  | +49301234567",  // the international prefix still works
        "+447700900123  | +447700900123",
        "7700900123     | +7700900123",   // bare number
    })
    void withoutCountryCode(String dialled, String expected) {
        assertEquals(expected, new Normaliser("", "0", "00", 6).normalise(dialled));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "1 212 555 0100     | +12125550100",   // North America: national prefix 1, international 011
        "011 44 20 7946 0000| +442079460000",
        "212 555 0100       | +2125550100",    // no national prefix dialled: bare number gets +
        "555-0100           | 5550100",        // within the 7-digit extension length
    })
    void northAmerica(String dialled, String expected) {
        assertEquals(expected, new Normaliser("1", "1", "011", 7).normalise(dialled));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "06 1234 5678 | +390612345678", // Italy has no national prefix: the 0 is part of the number
        "333 1234567  | +393331234567", // so every number that is not international is national
        "00441234567  | +441234567",
        "1234         | 1234",
    })
    void noNationalPrefix(String dialled, String expected) {
        assertEquals(expected, new Normaliser("39", "", "00", 4).normalise(dialled));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {"1 | +1", "12 | +12", "07 | +447"})
    void zeroLengthExtensionsNormaliseEverything(String dialled, String expected) {
        assertEquals(expected, new Normaliser("44", "0", "00", 0).normalise(dialled));
    }
}
