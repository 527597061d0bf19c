package org.switchboard.media.internal.pipeline;

/**
 * One step of a media chain, as in jitsi-videobridge: nodes are {@link #attach attached} in
 * a line and each counts what came in, went on and was dropped or consumed. A chain is
 * driven by one thread at a time, so the counters are plain fields.
 *
 * @param <T> what flows through the chain (a reused mutable holder, to avoid allocation)
 */
public abstract class Node<T> {
    private final String name;
    private Node<T> next;
    private volatile long in;
    private volatile long out;
    private volatile long stopped;

    protected Node(String name) {
        this.name = name;
    }

    /**
     * @param node the node after this one
     * @return that node, to attach the next one to it
     */
    public <N extends Node<T>> N attach(N node) {
        this.next = node;
        return node;
    }

    public final void accept(T item) {
        in++;
        if (process(item)) {
            out++;
            if (next != null) {
                next.accept(item);
            }
        } else {
            stopped++;
        }
    }

    /**
     * @return true to pass the item on; false when it was dropped or consumed here
     */
    protected abstract boolean process(T item);

    public NodeStats stats() {
        return new NodeStats(name, in, out, stopped);
    }

    /** @return the stats of this node and every node after it */
    public java.util.List<NodeStats> chainStats() {
        java.util.List<NodeStats> all = new java.util.ArrayList<>();
        for (Node<T> n = this; n != null; n = n.next) {
            all.add(n.stats());
        }
        return all;
    }
}
