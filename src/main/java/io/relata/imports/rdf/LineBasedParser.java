package io.relata.imports.rdf;

import io.relata.imports.RecordSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * N-Triples and N-Quads, where a broken line is one rejected line and the rest of the file is read: RIOT parses
 * chunks of lines in one go, and a chunk it refuses is parsed again in parts to find the broken lines. A record's
 * line is its physical line; the graph of a quad is not kept.
 */
final class LineBasedParser {

    private final Lang lang;
    private final LabelToNode blankNodes = BlankNodes.labelsAsWritten();

    LineBasedParser(Lang lang) {
        this.lang = lang;
    }

    /** Returns the number of triples read. */
    long parse(InputStream in, TripleMapper mapper, RecordSink sink) throws IOException {
        LineChunks chunks = new LineChunks(in);
        long triples = 0;
        while (chunks.next()) {
            triples += parseLines(chunks, 0, chunks.lines(), mapper, sink);
            if (chunks.overlongLine() > 0) {
                sink.reject(chunks.overlongLine(), "the line is longer than " + LineChunks.MAX_LINE_BYTES + " bytes");
            }
        }
        return triples;
    }

    /**
     * Parses lines {@code [from, to)} of the chunk in one go; when RIOT refuses them, each half on its own, down to the
     * broken lines, which are rejected. A chunk with one broken line costs a few parses rather than one per line.
     */
    private long parseLines(LineChunks chunks, int from, int to, TripleMapper mapper, RecordSink sink) {
        int statements = 0;
        for (int line = from; line < to; line++) {
            statements += chunks.isStatement(line) ? 1 : 0;
        }
        if (statements == 0) {
            return 0;
        }
        List<Triple> triples = new ArrayList<>(statements);
        RuntimeException refusal = null;
        try {
            parse(chunks.bytes(), chunks.start(from), chunks.end(to - 1) - chunks.start(from), triples);
        } catch (RuntimeException refused) {
            refusal = refused;
        }
        if (to - from == 1) {
            if (refusal != null) {
                sink.reject(chunks.number(from), refusal instanceof SyntaxError error ? error.reasonOnLine()
                        : String.valueOf(refusal.getMessage()));
                return 0;
            }
            // One line, one or more triples (two statements on one line are allowed): all of them are its own.
            triples.forEach(triple -> mapper.map(triple, chunks.number(from)));
            return triples.size();
        }
        if (refusal != null || triples.size() != statements) {
            // A broken line, or a line of two triples: which triple came from which line is no longer known.
            int middle = (from + to) >>> 1;
            return parseLines(chunks, from, middle, mapper, sink) + parseLines(chunks, middle, to, mapper, sink);
        }
        int next = 0;
        for (int line = from; line < to; line++) {
            if (chunks.isStatement(line)) {
                mapper.map(triples.get(next++), chunks.number(line));
            }
        }
        return triples.size();
    }

    private void parse(byte[] bytes, int offset, int length, List<Triple> into) {
        RDFParser.source(new ByteArrayInputStream(bytes, offset, length))
                .lang(lang)
                .labelToNode(blankNodes)
                .errorHandler(SyntaxError.handler())
                .parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple triple) {
                        into.add(triple);
                    }

                    @Override
                    public void quad(Quad quad) {
                        into.add(quad.asTriple());
                    }
                });
    }
}
