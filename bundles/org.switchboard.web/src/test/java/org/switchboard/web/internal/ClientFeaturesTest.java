package org.switchboard.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.client.ClientFeature;

class ClientFeaturesTest {

    private static ClientFeature feature(String id, Map<String, Object> settings) {
        return new ClientFeature() {
            @Override public String id() { return id; }
            @Override public Map<String, Object> settings() { return settings; }
        };
    }

    @Test
    void listsRegisteredFeaturesByIdAndForgetsRemovedOnes() {
        ClientFeatures features = new ClientFeatures();
        ClientFeature meetings = feature("meetings", Map.of("rooms", "8000-8999"));
        ClientFeature voicemail = feature("voicemail", null);
        features.addFeature(voicemail);
        features.addFeature(meetings);
        assertEquals(List.of(Map.of("id", "meetings", "settings", Map.of("rooms", "8000-8999")),
                Map.of("id", "voicemail", "settings", Map.of())), features.list());
        features.removeFeature(meetings);
        assertEquals(List.of(Map.of("id", "voicemail", "settings", Map.of())), features.list());
        features.removeFeature(voicemail);
        assertTrue(features.list().isEmpty());
    }

    @Test
    void leavesOutBadIdsThrowingFeaturesAndDuplicates() {
        ClientFeatures features = new ClientFeatures();
        features.addFeature(feature("Bad Id", Map.of()));
        features.addFeature(feature(null, Map.of()));
        features.addFeature(new ClientFeature() {
            @Override public String id() { throw new IllegalStateException("broken"); }
        });
        features.addFeature(feature("agent", Map.of("first", true)));
        features.addFeature(feature("agent", Map.of("second", true)));
        assertEquals(List.of(Map.of("id", "agent", "settings", Map.of("first", true))), features.list());
    }

    @Test
    void theETagIsAnsweredWith304AndAChangedBodyWith200() throws Exception {
        Map<String, Object> body = Map.of("features", List.of(Map.of("id", "meetings")));
        FakeHttp first = new FakeHttp();
        ETags.write(first.request(), first.response(), body);
        assertEquals(200, first.status);
        String etag = first.responseHeaders.get("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertTrue(first.body.toString().contains("meetings"));

        FakeHttp again = new FakeHttp();
        again.requestHeaders.put("If-None-Match", "W/\"other\", " + etag);
        ETags.write(again.request(), again.response(), body);
        assertEquals(304, again.status);
        assertEquals("", again.body.toString());

        FakeHttp changed = new FakeHttp();
        changed.requestHeaders.put("If-None-Match", etag);
        ETags.write(changed.request(), changed.response(), Map.of("features", List.of()));
        assertEquals(200, changed.status);
        assertTrue(!etag.equals(changed.responseHeaders.get("ETag")));
    }
}
