package io.relata.imports;

/** Where a format's reader hands what it read: whole records, the records it could not read, and declarations. */
public interface RecordSink {

    void accept(ImportRecord record);

    /** A record that is not stored, by the line it starts on, and why. */
    void reject(long line, String reason);

    /** A declaration about relations; readers of formats without any never call it. */
    default void declare(RelationDeclaration declaration) {}
}
