package org.switchboard.moh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.moh.MusicOnHold;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaOperation;

/**
 * The {@link MusicOnHold} service of PID {@code org.switchboard.moh}. The music is read once,
 * at activation (and on a configuration change), and cut into one-second chunks under
 * {@code data/switchboard/moh/}; see {@link HoldStream} for how listeners share the position.
 */
@Component(service = MusicOnHold.class, configurationPid = StreamingMusicOnHold.PID)
@Designate(ocd = StreamingMusicOnHold.Config.class)
public class StreamingMusicOnHold implements MusicOnHold {
    static final String PID = "org.switchboard.moh";
    private static final Logger LOG = LoggerFactory.getLogger(StreamingMusicOnHold.class);

    @ObjectClassDefinition(name = "Switchboard music on hold", description = "The music callers hear while they wait")
    @interface Config {
        @AttributeDefinition(description = "Folder of mono 16-bit PCM WAVs (8 or 16 kHz), played in name order; "
                + "relative to karaf.etc unless absolute. Empty or missing: a built-in soft tone loop",
                required = false)
        String folder() default "moh";
    }

    private final HoldStream stream;

    @Activate
    public StreamingMusicOnHold(Config config) {
        Path folder = resolve(System.getProperty("karaf.etc", "etc"), config.folder());
        Path cache = Path.of(System.getProperty("karaf.data", "data"), "switchboard", "moh");
        try {
            List<Path> chunks = StreamLibrary.build(folder, cache);
            this.stream = new HoldStream(chunks, (long) (StreamLibrary.CHUNK_SECONDS * 1e9), System::nanoTime);
            LOG.info("Music on hold: a {} s loop from {}", chunks.size(), folder);
        } catch (IOException e) {
            LOG.error("Music on hold: cannot prepare the stream in {} ({}); check that it is writable", cache, e);
            throw new UncheckedIOException(e);
        }
    }

    StreamingMusicOnHold(HoldStream stream) {
        this.stream = stream;
    }

    @Override
    public MediaOperation<Void> play(MediaLeg leg) {
        return new HoldListener(stream, leg).start();
    }

    static Path resolve(String base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : Path.of(base).resolve(p).normalize();
    }
}
