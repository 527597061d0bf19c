package org.switchboard.prompts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLookupTest {
    @TempDir
    Path dir;
    Path site;
    Path defaults;
    PromptLookup lookup;

    @BeforeEach
    void setUp() throws IOException {
        site = Files.createDirectories(dir.resolve("etc/prompts"));
        defaults = Files.createDirectories(dir.resolve("data/prompts"));
        lookup = new PromptLookup(site, defaults);
        touch(defaults.resolve("goodbye.wav"));
    }

    @Test
    void theDefaultSetAnswersWhenNothingOverridesIt() {
        assertEquals(Optional.of(defaults.resolve("goodbye.wav")), lookup.find("ivr", "goodbye"));
    }

    @Test
    void aSitePromptWinsOverTheDefault() throws IOException {
        touch(site.resolve("goodbye.wav"));
        assertEquals(Optional.of(site.resolve("goodbye.wav")), lookup.find("ivr", "goodbye"));
    }

    @Test
    void anApplicationsOwnPromptWinsOverTheSitePrompt() throws IOException {
        touch(site.resolve("goodbye.wav"));
        touch(site.resolve("ivr/goodbye.wav"));
        assertEquals(Optional.of(site.resolve("ivr/goodbye.wav")), lookup.find("ivr", "goodbye"));
        assertEquals(Optional.of(site.resolve("goodbye.wav")), lookup.find("meetings", "goodbye"));
        assertEquals(Optional.of(site.resolve("goodbye.wav")), lookup.find("", "goodbye"));
    }

    @Test
    void unknownOrUnsafeNamesAreNotFound() throws IOException {
        touch(dir.resolve("etc/secret.wav"));
        assertTrue(lookup.find("ivr", "nope").isEmpty());
        assertTrue(lookup.find("ivr", "../secret").isEmpty());
        assertTrue(lookup.find("..", "goodbye").isPresent(), "a bad application name only skips its folder");
        assertTrue(lookup.find(null, null).isEmpty());
    }

    @Test
    void digitsHaveNames() {
        assertEquals("digit-7", PromptLookup.digitName('7'));
        assertEquals("digit-star", PromptLookup.digitName('*'));
        assertEquals("digit-pound", PromptLookup.digitName('#'));
        assertEquals(null, PromptLookup.digitName('A'));
    }

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
    }
}
