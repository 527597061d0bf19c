package org.switchboard.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.api.blob.BlobStore;

/**
 * Blobs (recordings, voicemail, greetings) as files under {@code data/switchboard/blobs/}.
 * A blob being written lives in a temporary file and replaces the old one atomically when
 * its channel is closed, so a reader never sees half a recording.
 */
@Component(service = BlobStore.class, configurationPid = "org.switchboard.blobs")
@Designate(ocd = FileBlobStore.Config.class)
public class FileBlobStore implements BlobStore {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@-]{0,127}");

    @ObjectClassDefinition(name = "Switchboard blob store", description = "Where recordings and other audio are kept")
    @interface Config {
        @AttributeDefinition(description = "Folder of the blobs; empty: data/switchboard/blobs")
        String folder() default "";
    }

    private final Path root;

    @Activate
    public FileBlobStore(Config config) throws IOException {
        this(config.folder().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "switchboard", "blobs")
                : Path.of(config.folder()));
    }

    FileBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public SeekableByteChannel write(String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.READ);
        return new CommitOnClose(channel, () -> Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE));
    }

    @Override
    public SeekableByteChannel read(String key) throws IOException {
        return FileChannel.open(resolve(key), StandardOpenOption.READ);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    Path resolve(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a blob key must not be empty");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid blob key '" + key + "': use '/'-separated names of letters, "
                        + "digits, '.', '_', '+', '@' or '-' that start with a letter or digit");
            }
        }
        return root.resolve(key);
    }
}
