package io.relata.imports.rdf;

import io.relata.imports.RecordSink;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.Quad;

/**
 * Turtle and RDF/XML, streamed through RIOT triple by triple. Their statements span lines, so a syntax error ends the
 * parse as one rejection at RIOT's line and column, and what was read before it is kept. RIOT gives a triple no line,
 * so records have line 0.
 */
final class DocumentParser {

    /**
     * What a relative IRI is resolved against: the same for every import, so that {@code <#me>} is one key wherever
     * the file was uploaded from, and never the server's working directory, which RIOT would use otherwise.
     */
    static final String BASE = "https://relata.invalid/";

    private final Lang lang;

    DocumentParser(Lang lang) {
        this.lang = lang;
    }

    /** Returns the number of triples read. */
    long parse(InputStream in, TripleMapper mapper, RecordSink sink) throws IOException {
        WatchedInput input = new WatchedInput(in);
        MappingStream stream = new MappingStream(mapper);
        try {
            RDFParser.source(input)
                    .lang(lang)
                    .base(BASE)
                    .labelToNode(BlankNodes.labelsAsWritten())
                    .errorHandler(SyntaxError.handler())
                    .parse(stream);
        } catch (RuntimeException failure) {
            if (input.failure != null) {
                // The upload broke off (or its gzip did): not the file's fault, and not a rejection.
                throw input.failure;
            }
            SinkFailure sinkFailure = find(failure, SinkFailure.class);
            if (sinkFailure != null) {
                throw sinkFailure.getCause();
            }
            reject(failure, sink);
        }
        return stream.triples;
    }

    private static void reject(RuntimeException failure, RecordSink sink) {
        SyntaxError error = find(failure, SyntaxError.class);
        if (error != null) {
            sink.reject(error.line(), error.reason());
        } else if (failure instanceof RiotParseException parse) {
            sink.reject(Math.max(parse.getLine(), 0), parse.getOriginalMessage());
        } else if (failure instanceof JenaException) {
            sink.reject(0, String.valueOf(failure.getMessage()));
        } else {
            throw failure;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Each triple mapped as RIOT reads it; what the sink throws travels through RIOT wrapped, to be told apart. */
    private static final class MappingStream extends StreamRDFBase {
        private final TripleMapper mapper;
        private long triples;

        MappingStream(TripleMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void triple(Triple triple) {
            triples++;
            try {
                mapper.map(triple, 0);
            } catch (RuntimeException failure) {
                throw new SinkFailure(failure);
            }
        }

        @Override
        public void quad(Quad quad) {
            triple(quad.asTriple());
        }
    }

    /** A failure of the sink's (a store that is full, an import cancelled), not of the file's. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Remembers an I/O failure of the input, which RIOT reports as one of its own exceptions. */
    private static final class WatchedInput extends FilterInputStream {
        private IOException failure;

        WatchedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
