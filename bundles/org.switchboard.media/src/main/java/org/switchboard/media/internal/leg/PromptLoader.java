package org.switchboard.media.internal.leg;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.switchboard.api.media.AudioRef;
import org.switchboard.api.blob.BlobStore;
import org.switchboard.media.internal.audio.Wav;

/** Loads prompts off the clock thread, then starts their playback on it. */
public record PromptLoader(ClockExecutor clock, Executor blocking, Supplier<BlobStore> blobs) {

    void load(List<AudioRef> prompts, Playback playback, Runnable start) {
        blocking.execute(() -> {
            try {
                List<short[]> clips = new ArrayList<>(prompts.size());
                for (AudioRef ref : prompts) {
                    clips.add(read(ref));
                }
                clock.execute(() -> {
                    if (!playback.done()) {
                        playback.clips(clips);
                        start.run();
                    }
                });
            } catch (IOException | RuntimeException e) {
                playback.fail(e);
            }
        });
    }

    private short[] read(AudioRef ref) throws IOException {
        if (ref instanceof AudioRef.Silence s) {
            return new short[(int) (s.duration().toMillis() * 8)];
        }
        if (ref instanceof AudioRef.File f) {
            try (var in = Files.newInputStream(f.path())) {
                return Wav.read(in);
            }
        }
        BlobStore store = blobs.get();
        if (store == null) {
            throw new IOException("no BlobStore service is registered to read " + ref);
        }
        try (SeekableByteChannel c = store.read(((AudioRef.Blob) ref).key())) {
            return Wav.read(Channels.newInputStream(c));
        }
    }
}
