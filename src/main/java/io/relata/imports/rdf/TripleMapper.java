package io.relata.imports.rdf;

import io.relata.TextInput;
import io.relata.facts.Alias;
import io.relata.facts.EntityMention;
import io.relata.facts.EntityNaming;
import io.relata.facts.KeyedFact;
import io.relata.facts.LabelRank;
import io.relata.imports.ImportRecord;
import io.relata.imports.RecordSink;
import io.relata.imports.rdf.PredicateRules.PredicateRule;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Reads one triple at a time as what it says: a fact between entities, an attribute, a label, alias or description,
 * a declaration about relations, or nothing (vocabulary, class membership, a dropped predicate). Of the triples before
 * it knows only the last subject's mention, so a file of any size streams through it.
 */
final class TripleMapper {

    private final PredicateRules rules;
    private final Declarations declarations;
    private final RecordSink sink;
    private final String askedLanguage;
    private final String blankKeyPrefix;
    /** Triples come grouped by subject in most files: its mention is made once per run rather than per triple. */
    private Node lastSubject;
    private EntityMention lastSubjectMention;

    TripleMapper(PredicateRules rules, RecordSink sink, String askedLanguage, String blankKeyPrefix) {
        this.rules = rules;
        this.sink = sink;
        this.askedLanguage = askedLanguage;
        this.blankKeyPrefix = blankKeyPrefix;
        this.declarations = new Declarations(rules, sink);
    }

    void map(Triple triple, long line) {
        Node subject = triple.getSubject();
        Node predicateNode = triple.getPredicate();
        Node object = triple.getObject();
        if (!predicateNode.isURI() || !(subject.isURI() || subject.isBlank())
                || (subject.isURI() && RdfTerms.isVocabulary(subject.getURI()))) {
            return;
        }
        String predicate = predicateNode.getURI();
        if (declaresRelations(subject, predicate, object)) {
            return;
        }
        PredicateRule rule = rules.of(predicate);
        switch (rule.kind()) {
            case DROP -> { }
            case LABEL -> label(subject, object, line);
            case ALIAS -> alias(subject, object, line);
            case DESCRIPTION -> description(subject, object, line);
            case FACT -> fact(subject, rule, object, line);
        }
    }

    /** Whether the triple is one of the three that speak of relations, turned into declarations, or other RDF typing. */
    private boolean declaresRelations(Node subject, String predicate, Node object) {
        switch (predicate) {
            case RdfTerms.OWL_INVERSE_OF -> {
                if (subject.isURI() && object.isURI()) {
                    declarations.inverse(subject.getURI(), object.getURI());
                }
                return true;
            }
            case RdfTerms.RDFS_SUB_PROPERTY_OF -> {
                if (subject.isURI() && object.isURI()) {
                    declarations.narrower(subject.getURI(), object.getURI());
                }
                return true;
            }
            case RdfTerms.RDF_TYPE -> {
                if (subject.isURI() && object.isURI() && object.getURI().equals(RdfTerms.OWL_SYMMETRIC_PROPERTY)) {
                    declarations.symmetric(subject.getURI());
                }
                // Class membership (fhkb:Woman, schema:Person) is left out: no question asks for it yet.
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void label(Node subject, Node object, long line) {
        String text = literalText(object, TextInput.LABEL_LENGTH, "label", line);
        if (text == null) {
            return;
        }
        String language = object.getLiteralLanguage();
        LabelRank rank = isAskedLanguage(language) ? LabelRank.ASKED_LANGUAGE : LabelRank.OTHER_LANGUAGE;
        // Every label is an alias too, so that a name in any language finds the entity whichever label it shows.
        Alias alias = new Alias(text, language.isEmpty() ? null : language);
        naming(line, new EntityNaming(subjectMention(subject).key(), text, rank, List.of(alias), null));
    }

    private void alias(Node subject, Node object, long line) {
        String text = literalText(object, TextInput.LABEL_LENGTH, "alias", line);
        if (text == null) {
            return;
        }
        String language = object.getLiteralLanguage();
        EntityMention entity = subjectMention(subject);
        naming(line, new EntityNaming(entity.key(), entity.label(), LabelRank.FROM_KEY,
                List.of(new Alias(text, language.isEmpty() ? null : language)), null));
    }

    private void description(Node subject, Node object, long line) {
        if (!object.isLiteral() || !isAskedLanguage(object.getLiteralLanguage())) {
            return;
        }
        String text = literalText(object, TextInput.DESCRIPTION_LENGTH, "description", line);
        if (text != null) {
            EntityMention entity = subjectMention(subject);
            naming(line, new EntityNaming(entity.key(), entity.label(), LabelRank.FROM_KEY, List.of(), text));
        }
    }

    private void fact(Node subject, PredicateRule rule, Node object, long line) {
        EntityMention value = objectOf(rule, object, line);
        if (value == null) {
            return;
        }
        EntityMention entity = subjectMention(subject);
        KeyedFact fact = switch (rule.direction()) {
            case FORWARD -> new KeyedFact(entity, rule.relation(), value);
            case INVERSE -> new KeyedFact(value, rule.relation(), entity);
            case SYMMETRIC -> {
                declarations.symmetricRelation(rule.relation());
                yield new KeyedFact(entity, rule.relation(), value);
            }
        };
        sink.accept(new ImportRecord(line, List.of(), List.of(fact)));
    }

    private EntityMention objectOf(PredicateRule rule, Node object, long line) {
        if (object.isURI()) {
            String iri = object.getURI();
            if (RdfTerms.isVocabulary(iri)) {
                return null;
            }
            Optional<String> gender = rule.genderValues() ? AttributeValues.genderOf(iri) : Optional.empty();
            return gender.map(EntityMention::ofLabel).orElseGet(() -> mention(object));
        }
        if (object.isBlank()) {
            return mention(object);
        }
        if (!object.isLiteral() || !rule.literalsKept()) {
            return null;
        }
        String text = LabelText.clean(object.getLiteralLexicalForm());
        if (rule.yearValues()) {
            text = AttributeValues.year(text).orElse("");
        }
        if (rule.genderValues()) {
            text = AttributeValues.genderWord(text);
        }
        // A value cut short would be another value: one too long for the store is left out whole.
        if (text.isEmpty() || text.length() > TextInput.LABEL_LENGTH) {
            return null;
        }
        Optional<String> problem = TextInput.problem(text);
        if (problem.isPresent()) {
            sink.reject(line, "the value " + problem.get());
            return null;
        }
        return EntityMention.ofLabel(text);
    }

    /** The literal's text cleaned and cut to {@code maxLength}; null, and rejected when it holds what no text may, else. */
    private String literalText(Node object, int maxLength, String what, long line) {
        if (!object.isLiteral()) {
            return null;
        }
        String text = LabelText.cut(LabelText.clean(object.getLiteralLexicalForm()), maxLength);
        if (text.isEmpty()) {
            return null;
        }
        Optional<String> problem = TextInput.problem(text);
        if (problem.isPresent()) {
            sink.reject(line, "the " + what + " " + problem.get());
            return null;
        }
        return text;
    }

    private void naming(long line, EntityNaming naming) {
        sink.accept(new ImportRecord(line, List.of(naming), List.of()));
    }

    /** A literal with no language tag, or one in the asked language or a variety of it ("en" asked, "en-GB" given). */
    private boolean isAskedLanguage(String language) {
        int asked = askedLanguage.length();
        return language.isEmpty() || language.equalsIgnoreCase(askedLanguage)
                || (language.length() > asked && language.charAt(asked) == '-'
                    && language.regionMatches(true, 0, askedLanguage, 0, asked));
    }

    private EntityMention subjectMention(Node subject) {
        if (!subject.equals(lastSubject)) {
            lastSubjectMention = mention(subject);
            lastSubject = subject;
        }
        return lastSubjectMention;
    }

    /** An IRI is the entity it names, keyed by itself; a blank node is one of this import only, see {@link RdfImporter}. */
    private EntityMention mention(Node node) {
        if (node.isURI()) {
            return new EntityMention(node.getURI(), IriNames.label(node.getURI()));
        }
        String label = node.getBlankNodeLabel();
        return new EntityMention(blankKeyPrefix + label, LabelText.cut(label));
    }
}
