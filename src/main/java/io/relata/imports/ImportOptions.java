package io.relata.imports;

/**
 * How to read one file: {@code source} names where the facts came from and, for GEDCOM, is the prefix of its keys
 * ({@code royal} → {@code royal:I1}); {@code profile} maps an RDF vocabulary (null: the generic rules); {@code lang}
 * is the language labels are taken in; {@code gzip} says the bytes are gzip-compressed.
 */
public record ImportOptions(String source, String profile, String lang, boolean gzip) {}
