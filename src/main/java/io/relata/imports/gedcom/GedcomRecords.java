package io.relata.imports.gedcom;

import io.relata.TextInput;
import io.relata.facts.Alias;
import io.relata.facts.EntityMention;
import io.relata.facts.EntityNaming;
import io.relata.facts.KeyedFact;
import io.relata.facts.LabelRank;
import io.relata.facts.Labels;
import io.relata.imports.ImportRecord;
import io.relata.imports.RecordSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps GEDCOM records to import records: an INDI to its person (label, aliases, description) with the facts it
 * states of them (gender, birth and death years), a FAM to the spouse, father and mother facts between its members.
 * Entities are keyed {@code SOURCE:XREF}, so two people of one name stay two.
 */
final class GedcomRecords {

    static final String GENDER = "gender";
    static final String BORN = "born";
    static final String DIED = "died";
    static final String SPOUSE = "spouse";
    static final String FATHER = "father";
    static final String MOTHER = "mother";

    private final String source;

    GedcomRecords(String source) {
        this.source = source;
    }

    /** Hands an INDI or FAM record to the sink, or rejects it when it cannot be keyed; other records are not facts. */
    void map(GedcomNode record, RecordSink sink) {
        try {
            switch (record.tag()) {
                case "INDI" -> sink.accept(individual(record));
                case "FAM" -> sink.accept(family(record));
                default -> {
                    // HEAD, SUBM, SOUR, REPO, OBJE, NOTE, SNOTE, TRLR and extensions say nothing of people
                }
            }
        } catch (UnkeyableException unkeyable) {
            sink.reject(record.line(), unkeyable.getMessage());
        }
    }

    private ImportRecord individual(GedcomNode record) {
        if (record.xref() == null || record.xref().isBlank()) {
            throw new UnkeyableException("the INDI record has no cross-reference identifier to key it by");
        }
        String key = key(record.xref());
        List<GedcomNode> names = record.all("NAME");
        GedcomNode primary = names.stream().filter(name -> GedcomNames.label(name).isPresent()).findFirst()
                .orElse(null);
        String label = primary == null ? GedcomNames.cut(key, TextInput.LABEL_LENGTH)
                : GedcomNames.label(primary).orElseThrow();
        Aliases aliases = new Aliases(label);
        for (GedcomNode name : names) {
            GedcomNames.label(name).ifPresent(aliases::add);
            GedcomNames.parts(name.firstValue("NICK")).forEach(aliases::add);
            for (GedcomNode translation : name.all("TRAN")) {
                String lang = translation.firstValue("LANG").strip();
                GedcomNames.label(translation).ifPresent(alias -> aliases.add(alias, lang.isEmpty() ? null : lang));
            }
            GedcomNames.regnalName(name).ifPresent(aliases::add);
            for (String prefix : GedcomNames.parts(name.firstValue("NPFX"))) {
                GedcomNames.style(prefix).ifPresent(style -> aliases.add(styled(style, name, List.of(name))));
            }
        }
        List<String> titles = record.all("TITL").stream().map(GedcomNode::value).map(GedcomNames::label)
                .flatMap(Optional::stream).toList();
        if (primary != null) {
            for (String title : titles) {
                GedcomNames.style(title).ifPresent(style -> aliases.add(styled(style, primary, names)));
            }
        }
        Optional<String> born = year(record, "BIRT");
        Optional<String> died = year(record, "DEAT");
        String description = description(born, died, titles.isEmpty() ? null : titles.get(0));
        EntityNaming naming = new EntityNaming(key, label, primary == null ? LabelRank.FROM_KEY : LabelRank.GIVEN,
                aliases.list(), description);

        EntityMention person = new EntityMention(key, label);
        List<KeyedFact> facts = new ArrayList<>();
        gender(record.firstValue("SEX")).ifPresent(gender -> facts.add(attribute(person, GENDER, gender)));
        born.ifPresent(year -> facts.add(attribute(person, BORN, year)));
        died.ifPresent(year -> facts.add(attribute(person, DIED, year)));
        return new ImportRecord(record.line(), List.of(naming), facts);
    }

    /**
     * The style before a regnal name, which a monarch is styled by even when another of their names holds it
     * (Albert Edward reigned as Edward VII), else before the name's given names: "Queen Victoria", "King Edward VII".
     */
    private static String styled(String style, GedcomNode name, List<GedcomNode> names) {
        String given = GedcomNames.regnalName(name)
                .or(() -> names.stream().map(GedcomNames::regnalName).flatMap(Optional::stream).findFirst())
                .orElse(GedcomNames.givenNames(name));
        return given.isEmpty() ? "" : style + " " + given;
    }

    private static Optional<String> year(GedcomNode record, String event) {
        return record.all(event).stream().map(node -> GedcomDates.year(node.firstValue("DATE")))
                .flatMap(Optional::stream).findFirst();
    }

    /** "1819–1901, Queen of England", "b. 1948", "d. 1901", the title alone, or null: what tells homonyms apart. */
    static String description(Optional<String> born, Optional<String> died, String title) {
        String years = born.isPresent() && died.isPresent() ? born.get() + "\u2013" + died.get()
                : born.map(year -> "b. " + year).orElse(died.map(year -> "d. " + year).orElse(null));
        String description = years == null ? title : title == null ? years : years + ", " + title;
        return description == null ? null : GedcomNames.cut(description, TextInput.DESCRIPTION_LENGTH);
    }

    private static Optional<String> gender(String sex) {
        return switch (sex.strip().toUpperCase(Locale.ROOT)) {
            case "M" -> Optional.of("male");
            case "F" -> Optional.of("female");
            default -> Optional.empty();
        };
    }

    private static KeyedFact attribute(EntityMention subject, String relation, String value) {
        return new KeyedFact(subject, relation, EntityMention.ofLabel(value));
    }

    private ImportRecord family(GedcomNode record) {
        Optional<EntityMention> husband = member(record, "HUSB");
        Optional<EntityMention> wife = member(record, "WIFE");
        Set<KeyedFact> facts = new LinkedHashSet<>();
        if (husband.isPresent() && wife.isPresent()) {
            facts.add(new KeyedFact(husband.get(), SPOUSE, wife.get()));
        }
        for (GedcomNode child : record.all("CHIL")) {
            child.pointer().map(this::mention).ifPresent(mention -> {
                husband.ifPresent(father -> facts.add(new KeyedFact(mention, FATHER, father)));
                wife.ifPresent(mother -> facts.add(new KeyedFact(mention, MOTHER, mother)));
            });
        }
        return new ImportRecord(record.line(), List.of(), List.copyOf(facts));
    }

    private Optional<EntityMention> member(GedcomNode family, String role) {
        return family.all(role).stream().map(GedcomNode::pointer).flatMap(Optional::stream).findFirst()
                .map(this::mention);
    }

    /** A person a family points to, labelled by key until their INDI record gives their name. */
    private EntityMention mention(String xref) {
        String key = key(xref);
        return new EntityMention(key, key);
    }

    private String key(String xref) {
        String key = source + ":" + xref;
        if (key.length() > TextInput.LABEL_LENGTH) {
            throw new UnkeyableException("the cross-reference identifier " + GedcomNames.cut(xref, 40)
                    + "… is too long to key an entity by");
        }
        return key;
    }

    /** Names other than the label, each once, compared as the store matches them (case and accents aside). */
    private static final class Aliases {
        private final String labelKey;
        private final Map<String, Alias> byKey = new LinkedHashMap<>();

        Aliases(String label) {
            this.labelKey = Labels.key(label);
        }

        void add(String name) {
            add(name, null);
        }

        void add(String name, String lang) {
            if (name.isBlank()) {
                return;
            }
            String alias = GedcomNames.cut(name, TextInput.LABEL_LENGTH);
            String key = Labels.key(alias);
            if (!key.equals(labelKey)) {
                byKey.putIfAbsent(key, new Alias(alias, lang));
            }
        }

        List<Alias> list() {
            return List.copyOf(byKey.values());
        }
    }

    /** A record whose entity cannot be given a key. */
    private static final class UnkeyableException extends RuntimeException {
        UnkeyableException(String message) {
            super(message, null, false, false);
        }
    }
}
