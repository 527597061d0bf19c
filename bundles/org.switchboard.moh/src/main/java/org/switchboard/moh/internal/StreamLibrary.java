package org.switchboard.moh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the stream's chunks from the music folder ({@code *.wav}, in name order), or from the
 * soft tone loop shipped in the bundle when the folder has nothing playable.
 */
final class StreamLibrary {
    static final double CHUNK_SECONDS = 1.0;
    private static final Logger LOG = LoggerFactory.getLogger(StreamLibrary.class);

    private StreamLibrary() {
    }

    /** @return the chunks, written to a fresh {@code cache} folder */
    static List<Path> build(Path folder, Path cache) throws IOException {
        clear(cache);
        List<Path> chunks = new ArrayList<>();
        int n = 0;
        for (Path wav : music(folder)) {
            try {
                chunks.addAll(WavChunks.cut(wav, cache, "m" + n++, CHUNK_SECONDS));
            } catch (IOException e) {
                LOG.warn("Music on hold: skipping {}: {} (convert it to mono 16-bit PCM WAV at 8 kHz)", wav,
                        e.getMessage());
            }
        }
        if (chunks.isEmpty()) {
            LOG.info("Music on hold: nothing playable in {}, playing the built-in soft tone loop", folder);
            Path fallback = cache.resolve("soft-tones.wav");
            try (InputStream in = StreamLibrary.class.getResourceAsStream("/moh/soft-tones.wav")) {
                if (in == null) {
                    throw new IOException("the bundle lacks moh/soft-tones.wav");
                }
                Files.copy(in, fallback, StandardCopyOption.REPLACE_EXISTING);
            }
            chunks.addAll(WavChunks.cut(fallback, cache, "fallback", CHUNK_SECONDS));
            Files.delete(fallback);
        }
        return chunks;
    }

    static List<Path> music(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.{wav,WAV}")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static void clear(Path cache) throws IOException {
        Files.createDirectories(cache);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cache, "*.wav")) {
            for (Path p : ds) {
                Files.delete(p);
            }
        }
    }
}
