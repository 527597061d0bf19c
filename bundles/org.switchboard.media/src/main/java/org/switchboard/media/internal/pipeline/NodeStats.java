package org.switchboard.media.internal.pipeline;

/**
 * Counters of one node.
 *
 * @param name the node
 * @param in items received
 * @param out items passed on
 * @param stopped items dropped or consumed by the node
 */
public record NodeStats(String name, long in, long out, long stopped) {
}
