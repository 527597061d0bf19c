package org.switchboard.api.blob;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores audio (recordings, voicemail, greetings) as named blobs, so that they can move from
 * local files to shared storage without a change to their users.
 */
@ProviderType
public interface BlobStore {

    /**
     * @param key a key such as {@code voicemail/alice/2026-11-22T10-00-00.wav}; {@code /}
     *     separates folders, {@code ..} is rejected
     * @return a new channel that creates or replaces the blob; the blob is complete once closed
     * @throws IOException if it cannot be written
     */
    SeekableByteChannel write(String key) throws IOException;

    /**
     * @param key a key
     * @return a channel to read the blob
     * @throws java.nio.file.NoSuchFileException if there is no such blob
     * @throws IOException if it cannot be read
     */
    SeekableByteChannel read(String key) throws IOException;

    /**
     * @param key a key
     * @return false if there was no such blob
     * @throws IOException if it cannot be deleted
     */
    boolean delete(String key) throws IOException;
}
