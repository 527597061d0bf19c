package gov.nist.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The patched lookups stay case-insensitive, as RFC 3261 7.3.1 wants for parameter names. */
class NameValueListPatchTest {
    @Test
    void namesMatchWhateverTheirCase() {
        NameValueList list = new NameValueList();
        list.set("Branch", "z9hG4bK-1");
        list.set(new NameValue("RPort", "5060", false));
        assertEquals("z9hG4bK-1", list.getParameter("branch"));
        assertEquals("z9hG4bK-1", list.getParameter("BRANCH"));
        assertEquals("5060", list.getParameter("rport"));
        assertTrue(list.hasNameValue("rPort"));
        assertTrue(list.containsKey("RPORT"));
        assertTrue(list.delete("BRANCH"));
        assertNull(list.getParameter("branch"));
        assertFalse(list.hasNameValue("Branch"));
        assertEquals("RPort=5060", list.encode(), "encoded with the case it was set with, as the RI did");
    }

    @Test
    void lowerCaseNamesAreUsedAsTheyAreAndNoLocaleChangesTheMatch() {
        String branch = "branch";
        assertSame(branch, NameValueList.lower(branch), "no copy for the common case");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            NameValueList list = new NameValueList();
            list.set("MADDR", "192.0.2.1");
            assertEquals("192.0.2.1", list.getParameter("maddr"), "no dotless i in the Turkish locale");
        } finally {
            Locale.setDefault(before);
        }
    }
}
