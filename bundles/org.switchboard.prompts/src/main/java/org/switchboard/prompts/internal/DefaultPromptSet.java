package org.switchboard.prompts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The English prompt set shipped inside the bundle ({@code prompts/en/}, listed in
 * {@code index.txt}). The engine plays files, so the set is copied to a folder on activation.
 */
final class DefaultPromptSet {
    private static final String ROOT = "/prompts/en/";

    private DefaultPromptSet() {
    }

    /** @return the names of the shipped prompts */
    static List<String> names() {
        try (InputStream in = open("index.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies every shipped prompt into {@code target} (replacing older copies: a new bundle
     * version may bring new recordings).
     *
     * @return how many prompts were copied
     */
    static int extractTo(Path target) throws IOException {
        Files.createDirectories(target);
        List<String> names = names();
        for (String name : names) {
            Path tmp = target.resolve(name + ".wav.tmp");
            try (InputStream in = open(name + ".wav")) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target.resolve(name + ".wav"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return names.size();
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = DefaultPromptSet.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("the bundle lacks " + ROOT + file);
        }
        return in;
    }
}
