package io.relata.facts;

import java.util.List;

/**
 * What one import did: {@code lines} counts the non-blank data lines, each of which was added, a duplicate or
 * rejected; {@code rejected} lists the first rejections, {@code rejectedTotal} counts them all.
 */
public record ImportSummary(long lines, long added, long duplicates, List<Rejection> rejected, long rejectedTotal) {

    /** A line that was not stored, and why. */
    public record Rejection(long line, String reason) {}
}
