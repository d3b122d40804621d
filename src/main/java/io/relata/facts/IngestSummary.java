package io.relata.facts;

/** What one POST /v1/facts did. */
public record IngestSummary(int received, int added, int duplicates) {}
