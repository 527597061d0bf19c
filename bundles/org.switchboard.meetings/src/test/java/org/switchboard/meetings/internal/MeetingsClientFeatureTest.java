package org.switchboard.meetings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeetingsClientFeatureTest {

    private static MeetingsApplication.Config config(String rooms) {
        return new MeetingsApplication.Config() {
            @Override public Class<? extends Annotation> annotationType() { return MeetingsApplication.Config.class; }
            @Override public String rooms() { return rooms; }
            @Override public int max_participants() { return 50; }
        };
    }

    @Test
    void theSoftphonePanelGetsTheRoomRangeAndFollowsItsChanges() {
        MeetingsClientFeature feature = new MeetingsClientFeature(config(" 8000-8999 "));
        assertEquals("meetings", feature.id());
        assertEquals(Map.of("rooms", "8000-8999"), feature.settings());
        feature.modified(config(""));
        assertEquals(Map.of("rooms", ""), feature.settings());
    }
}
