package io.relata.facts;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import java.util.ArrayList;
import java.util.List;

/** Checks a fact or a naming before it is stored and gives it the form it is stored in; a refusal names the field. */
final class FactCheck {

    private FactCheck() {}

    /**
     * The fact as stored, its ends named by key: a key given is the key, else the label is; a label given is the label,
     * cleaned (see {@link Labels#clean}); the relation stripped but otherwise as given.
     *
     * @throws InvalidInputException naming the field that is missing, blank, too long or holds a refused character
     */
    static KeyedFact keyed(FactInput fact, int maxLength) {
        return new KeyedFact(
                end("subject", fact.subject(), fact.subjectKey(), maxLength),
                TextInput.check("relation", fact.relation(), maxLength),
                end("object", fact.object(), fact.objectKey(), maxLength));
    }

    private static EntityMention end(String field, String label, String key, int maxLength) {
        if (key == null) {
            return EntityMention.ofLabel(label(field, label, maxLength));
        }
        String checkedKey = key(field + "Key", key);
        return label == null
                ? new EntityMention(checkedKey, truncated(Labels.clean(checkedKey), maxLength), LabelRank.FROM_KEY)
                : new EntityMention(checkedKey, label(field, label, maxLength), LabelRank.GIVEN);
    }

    /** A fact an importer made, checked as a posted one is. */
    static KeyedFact checked(KeyedFact fact, int maxLength) {
        return new KeyedFact(mention("subject", fact.subject(), maxLength),
                TextInput.check("relation", fact.relation(), maxLength),
                mention("object", fact.object(), maxLength));
    }

    private static EntityMention mention(String field, EntityMention mention, int maxLength) {
        return new EntityMention(key(field + " key", mention.key()),
                label(field, truncated(mention.label(), maxLength), maxLength), mention.rank());
    }

    /** What an importer says of an entity, checked: an alias that cannot be stored is left out, not the naming. */
    static EntityNaming checked(EntityNaming naming, int maxLength) {
        List<Alias> aliases = new ArrayList<>();
        for (Alias alias : naming.aliases()) {
            try {
                aliases.add(new Alias(label("alias", alias.name(), maxLength), lang(alias.lang())));
            } catch (InvalidInputException e) {
                // an alias with a refused character or too long is not a reason to lose the entity's label
            }
        }
        return new EntityNaming(key("key", naming.key()),
                naming.label() == null ? null : label("label", truncated(naming.label(), maxLength), maxLength),
                naming.rank(), aliases,
                naming.description() == null || naming.description().isBlank() ? null
                        : TextInput.check("description", truncated(naming.description(), TextInput.DESCRIPTION_LENGTH),
                                TextInput.DESCRIPTION_LENGTH));
    }

    /** An entity label or alias as stored. */
    static String label(String field, String value, int maxLength) {
        return Labels.clean(TextInput.check(field, value, maxLength));
    }

    static String key(String field, String value) {
        return TextInput.check(field, value, TextInput.KEY_LENGTH);
    }

    private static String lang(String lang) {
        return lang == null || lang.isBlank() || lang.length() > 35 ? null : lang.strip();
    }

    private static String truncated(String text, int maxLength) {
        return text == null ? null : TextInput.cut(text, maxLength);
    }
}
