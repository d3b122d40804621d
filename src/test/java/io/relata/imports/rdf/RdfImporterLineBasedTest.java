package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.builtIn;
import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.fact;
import static io.relata.imports.rdf.RdfRecords.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.facts.EntityMention;
import io.relata.facts.LabelRank;
import io.relata.imports.ImportRecord;
import io.relata.imports.rdf.RecordingSink.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RdfImporterLineBasedTest {

    private static final String EX = "http://example.org/";
    private static final EntityMention ANNE = entity(EX + "anne", "anne");
    private static final EntityMention BOB = entity(EX + "bob", "bob");

    @Test
    void aBrokenLineIsRejectedWithRiotsMessageAndTheLinesAroundItAreImportedInOrder() {
        RecordingSink sink = RdfRecords.read(builtIn(null), "broken-line.nt", RdfSyntax.NTRIPLES);

        assertThat(sink.records).containsExactly(
                fact(3, ANNE, "is mother of", BOB),
                label(5, EX + "bob", "Bob", LabelRank.ASKED_LANGUAGE, null),
                label(7, EX + "carla", "Carla", LabelRank.ASKED_LANGUAGE, null));
        assertThat(sink.rejections).containsExactly(
                new Rejection(4, "Triple not terminated by DOT: [EOF] (column 85)"),
                new Rejection(6, "Bad character in IRI (space): <http://example.org/da[space]...> (column 82)"));
    }

    @Test
    void aBrokenLineInALaterChunkIsRejectedByItsOwnPhysicalLineNumber() {
        StringBuilder text = new StringBuilder();
        int lines = LineChunks.MAX_LINES * 2 + 7;
        int broken = LineChunks.MAX_LINES + 500;
        for (int line = 1; line <= lines; line++) {
            text.append(line == broken ? "<http://example.org/s> <oops> .\n"
                    : "<http://example.org/s" + line + "> <http://example.org/knows> <http://example.org/o> .\n");
        }

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", text.toString(), RdfSyntax.NTRIPLES);

        assertThat(sink.records).hasSize(lines - 1);
        assertThat(sink.records).extracting(ImportRecord::line).doesNotContain((long) broken)
                .startsWith(1L, 2L).endsWith((long) lines);
        assertThat(sink.records.get(broken - 1)).isEqualTo(fact(broken + 1, entity(EX + "s" + (broken + 1),
                "s" + (broken + 1)), "knows", entity(EX + "o", "o")));
        assertThat(sink.rejections).extracting(Rejection::line).containsExactly((long) broken);
    }

    @Test
    void twoTriplesOnOneLineAreBothReadAtThatLine() {
        String text = "<http://example.org/anne> <http://example.org/knows> <http://example.org/bob> ."
                + " <http://example.org/bob> <http://example.org/knows> <http://example.org/anne> .\n"
                + "<http://example.org/bob> <http://example.org/likes> <http://example.org/anne> .\n";

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", text, RdfSyntax.NTRIPLES);

        assertThat(sink.records).containsExactly(fact(1, ANNE, "knows", BOB), fact(1, BOB, "knows", ANNE),
                fact(2, BOB, "likes", ANNE));
    }

    @Test
    void aLineOverOneMebibyteIsRejectedAndTheNextLineStillRead() throws IOException {
        byte[] first = "<http://example.org/anne> <http://example.org/knows> <http://example.org/bob> .\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[LineChunks.MAX_LINE_BYTES + 10];
        Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        byte[] last = "<http://example.org/bob> <http://example.org/knows> <http://example.org/anne> ."
                .getBytes(StandardCharsets.UTF_8);
        RecordingSink sink = new RecordingSink();

        try (InputStream in = new SequenceInputStream(new ByteArrayInputStream(first),
                new SequenceInputStream(new ByteArrayInputStream(huge), new ByteArrayInputStream(last)))) {
            assertThat(new RdfImporter(builtIn(null), "en").read(in, RdfSyntax.NTRIPLES, sink)).isEqualTo(2);
        }

        assertThat(sink.records).containsExactly(fact(1, ANNE, "knows", BOB), fact(3, BOB, "knows", ANNE));
        assertThat(sink.rejections).containsExactly(new Rejection(2, "the line is longer than 1048576 bytes"));
    }

    @Test
    void quadsAreReadAsTriplesWhateverTheirGraphAndBlankNodesAreOneEntityAcrossLines() {
        RecordingSink sink = RdfRecords.read(builtIn(null), "sample.nq", RdfSyntax.NQUADS);

        String friend = sink.records.get(3).entities().get(0).key();
        assertThat(friend).matches("_:[0-9a-f]{12}-friend");
        assertThat(sink.records).containsExactly(
                fact(1, ANNE, "is mother of", BOB),
                label(3, EX + "bob", "Bob", LabelRank.ASKED_LANGUAGE, null),
                fact(4, BOB, "has friend", entity(friend, "friend")),
                label(5, friend, "Friend of Bob", LabelRank.ASKED_LANGUAGE, null));
    }

    @Test
    void readsGzipCompressedNTriplesThroughAGzipStream() throws IOException {
        RecordingSink sink = new RecordingSink();

        try (InputStream in = new GZIPInputStream(RdfRecords.fixture("sample.nt.gz"))) {
            assertThat(new RdfImporter(builtIn(null), null).read(in, RdfSyntax.NTRIPLES, sink)).isEqualTo(2);
        }

        assertThat(sink.records).containsExactly(
                label(1, EX + "anne", "Anne", LabelRank.ASKED_LANGUAGE, "en"),
                fact(2, ANNE, "knows", BOB));
    }

    @Test
    void aByteOrderMarkAndWindowsLineBreaksAreNoPartOfTheStatements() {
        String text = "\uFEFF<http://example.org/anne> <http://example.org/knows> <http://example.org/bob> .\r\n"
                + "# comment\r\n"
                + "<http://example.org/bob> <http://example.org/knows> <http://example.org/anne> .\r\n";

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", text, RdfSyntax.NTRIPLES);

        assertThat(sink.records).containsExactly(fact(1, ANNE, "knows", BOB), fact(3, BOB, "knows", ANNE));
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void aFailureOfTheSinkEndsTheReadAsItself() {
        RecordingSink failing = new RecordingSink() {
            @Override
            public void accept(ImportRecord record) {
                throw new IllegalStateException("store is full");
            }
        };

        assertThatThrownBy(() -> {
            try (InputStream in = RdfRecords.fixture("broken-line.nt")) {
                new RdfImporter(builtIn(null), "en").read(in, RdfSyntax.NTRIPLES, failing);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("store is full");
    }

    @Test
    void aFailureOfTheSinkEndsATurtleReadAsItselfTooThoughRiotIsInBetween() {
        RecordingSink failing = new RecordingSink() {
            @Override
            public void accept(ImportRecord record) {
                throw new IllegalStateException("store is full");
            }
        };

        assertThatThrownBy(() -> {
            try (InputStream in = RdfRecords.fixture("declarations.ttl")) {
                new RdfImporter(builtIn(null), "en").read(in, RdfSyntax.TURTLE, failing);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("store is full");
        assertThat(failing.rejections).isEmpty();
    }

    @Test
    void anInputThatBreaksOffIsAnIoExceptionNotARejection() {
        for (RdfSyntax syntax : RdfSyntax.values()) {
            RecordingSink sink = new RecordingSink();
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            };

            assertThatThrownBy(() -> new RdfImporter(builtIn(null), "en").read(broken, syntax, sink))
                    .as(syntax.name()).isInstanceOf(IOException.class).hasMessage("connection reset");
            assertThat(sink.rejections).as(syntax.name()).isEmpty();
        }
    }
}
