package io.relata.imports.rdf;

import io.relata.facts.Alias;
import io.relata.facts.EntityMention;
import io.relata.facts.EntityNaming;
import io.relata.facts.KeyedFact;
import io.relata.facts.LabelRank;
import io.relata.imports.ImportRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Short ways to write the records a test expects, and to read a fixture or a text through an importer. */
final class RdfRecords {

    private RdfRecords() {}

    static EntityMention entity(String key, String label) {
        return new EntityMention(key, label);
    }

    static EntityMention value(String label) {
        return EntityMention.ofLabel(label);
    }

    static ImportRecord fact(long line, EntityMention subject, String relation, EntityMention object) {
        return new ImportRecord(line, List.of(), List.of(new KeyedFact(subject, relation, object)));
    }

    /** A label triple's record: the label, ranked, and the same text as an alias in its language. */
    static ImportRecord label(long line, String key, String label, LabelRank rank, String lang) {
        return naming(line, new EntityNaming(key, label, rank, List.of(new Alias(label, lang)), null));
    }

    static ImportRecord alias(long line, String key, String keyLabel, String alias, String lang) {
        return naming(line, new EntityNaming(key, keyLabel, LabelRank.FROM_KEY, List.of(new Alias(alias, lang)), null));
    }

    static ImportRecord description(long line, String key, String keyLabel, String description) {
        return naming(line, new EntityNaming(key, keyLabel, LabelRank.FROM_KEY, List.of(), description));
    }

    static ImportRecord naming(long line, EntityNaming naming) {
        return new ImportRecord(line, List.of(naming), List.of());
    }

    static InputStream fixture(String name) {
        InputStream in = RdfRecords.class.getResourceAsStream("/imports/rdf/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    static RecordingSink read(ImportProfile profile, String name, RdfSyntax syntax) {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = fixture(name)) {
            new RdfImporter(profile, "en").read(in, syntax, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    static RecordingSink readText(ImportProfile profile, String lang, String text, RdfSyntax syntax) {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            new RdfImporter(profile, lang).read(in, syntax, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    static ImportProfile builtIn(String name) {
        return ImportProfile.builtIn(name).orElseThrow();
    }
}
