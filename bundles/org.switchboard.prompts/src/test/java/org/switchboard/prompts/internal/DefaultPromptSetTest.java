package org.switchboard.prompts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPromptSetTest {
    @TempDir
    Path dir;

    @Test
    void theShippedSetHasEveryPromptTheApplicationsUse() {
        List<String> names = DefaultPromptSet.names();
        for (char d : "0123456789*#".toCharArray()) {
            assertTrue(names.contains(PromptLookup.digitName(d)), "digit " + d);
        }
        for (String n : List.of("please-hold", "ivr-welcome", "enter-number", "invalid-choice", "enter-room-number",
                "enter-pin", "wrong-pin", "first-participant", "joined-meeting", "join-tone", "leave-tone", "muted",
                "unmuted", "not-available", "goodbye", "echo-test", "room-full")) {
            assertTrue(names.contains(n), n);
        }
    }

    @Test
    void extractedPromptsAre8kHzMono16Bit() throws IOException {
        int n = DefaultPromptSet.extractTo(dir);
        assertEquals(DefaultPromptSet.names().size(), n);
        long total = 0;
        for (String name : DefaultPromptSet.names()) {
            byte[] wav = Files.readAllBytes(dir.resolve(name + ".wav"));
            ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1, b.getShort(22), name + " channels");
            assertEquals(8000, b.getInt(24), name + " rate");
            assertEquals(16, b.getShort(34), name + " bits");
            total += wav.length;
        }
        assertTrue(total < 1_500_000, "the default set stays small: " + total);
        assertEquals(n, DefaultPromptSet.extractTo(dir), "extracting again replaces the copies");
    }

    @Test
    void relativeFoldersResolveAgainstTheirBase() {
        assertEquals(Path.of("/k/etc/prompts"), PromptLibrary.resolve("/k/etc", "prompts"));
        assertEquals(Path.of("/srv/prompts"), PromptLibrary.resolve("/k/etc", "/srv/prompts"));
    }
}
