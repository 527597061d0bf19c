package org.switchboard.media.internal.secure;

import java.nio.ByteBuffer;

/** Access to a buffer's bytes without copying when it is a heap buffer. */
final class Datagrams {
    private Datagrams() {
    }

    /** The backing array, or a copy of position..limit for direct buffers (then {@link #offset} is 0). */
    static byte[] array(ByteBuffer b) {
        if (b.hasArray()) {
            return b.array();
        }
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        return copy;
    }

    static int offset(ByteBuffer b) {
        return b.hasArray() ? b.arrayOffset() + b.position() : 0;
    }
}
