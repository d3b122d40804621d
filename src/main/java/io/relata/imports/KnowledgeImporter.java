package io.relata.imports;

import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.facts.FactIngestor;
import io.relata.facts.ImportFailedException;
import io.relata.facts.ImportSummary;
import io.relata.imports.gedcom.GedcomImporter;
import io.relata.imports.rdf.ImportProfile;
import io.relata.imports.rdf.RdfImporter;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Imports a file in a format people already have (RDF, GEDCOM): streams it through its reader, stores its records in
 * batches, turns "child" statements into mother and father facts once the parents' genders are known, and gives the
 * lexicon the relations the file declares. Importing the same file again adds nothing.
 */
@Service
public class KnowledgeImporter {

    /** A GEDCOM key prefix: it goes before the colon of every key ({@code royal:I1}), so it holds none. */
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private final FactIngestor ingestor;
    private final ImportProfiles profiles;
    private final LexiconDeclarations declarations;
    private final int maxReported;

    KnowledgeImporter(FactIngestor ingestor, ImportProfiles profiles, LexiconDeclarations declarations,
            RelataProperties properties) {
        this.ingestor = ingestor;
        this.profiles = profiles;
        this.declarations = declarations;
        this.maxReported = properties.ingest().maxReportedRejections();
    }

    /**
     * Reads the whole stream and stores what it says; a 400 before anything is stored when the options are wrong
     * (GEDCOM without a source, an unknown profile, a malformed language), and when the bytes are not gzip though
     * declared so.
     */
    public ImportSummary importFile(InputStream in, KnowledgeFormat format, ImportOptions options) {
        if (format == KnowledgeFormat.GEDCOM && (options.source() == null || !KEY_PREFIX.matcher(options.source()).matches())) {
            throw new InvalidInputException("a GEDCOM import needs source=NAME, 1-64 letters, digits or ._- : its people "
                    + "are keyed NAME:XREF (royal:I1), so that two trees never merge people who only share an xref");
        }
        String lang = options.lang() == null ? "en" : options.lang();
        if (!LANGUAGE.matcher(lang).matches()) {
            throw new InvalidInputException("lang must be a language tag such as en, ja or en-GB, was '" + lang + "'");
        }
        ImportProfile profile = options.profile() == null || options.profile().isBlank()
                ? ImportProfile.builtIn(null).orElseThrow() : profiles.require(options.profile());
        String source = options.source() == null ? "import" : options.source();
        RecordBatcher batcher = new RecordBatcher(ingestor, source, maxReported);
        long lines;
        try (InputStream body = Gzip.decoded(in, options.gzip())) {
            if (format == KnowledgeFormat.GEDCOM) {
                GedcomImporter.forSource(source).read(body, batcher);
                lines = batcher.records();
            } else {
                lines = new RdfImporter(profile, lang).read(body, format.rdf(), batcher);
            }
        } catch (IOException e) {
            // the body broke off (a client gone, a cut gzip stream): what was committed stays, the client resends
            throw new ImportFailedException(batcher.committedLine(), "the body broke off during the import ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        batcher.flush();
        ingestor.resolveParents();
        declarations.apply(batcher.declarations());
        return batcher.summary(lines);
    }
}
