package org.switchboard.media.internal.leg;

import java.nio.channels.Channels;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.switchboard.api.media.AudioRef;
import org.switchboard.media.internal.audio.Wav;

/** Writes a finished recording as WAV to its file or blob, off the clock thread. */
final class RecordingWriter {
    private final LegContext ctx;

    RecordingWriter(LegContext ctx) {
        this.ctx = ctx;
    }

    void write(Recording r, short[] samples, int count, Consumer<Throwable> done) {
        ctx.blocking().execute(() -> {
            try {
                AudioRef target = r.options().target();
                if (target instanceof AudioRef.File f) {
                    try (var out = Files.newOutputStream(f.path())) {
                        Wav.write(out, samples, count);
                    }
                } else {
                    var store = ctx.blobs().get();
                    if (store == null) {
                        throw new java.io.IOException("no BlobStore service is registered to record to " + target);
                    }
                    try (var out = Channels.newOutputStream(store.write(((AudioRef.Blob) target).key()))) {
                        Wav.write(out, samples, count);
                    }
                }
                done.accept(null);
            } catch (java.io.IOException | RuntimeException e) {
                done.accept(e);
            }
        });
    }
}
