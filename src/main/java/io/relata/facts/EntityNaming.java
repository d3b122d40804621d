package io.relata.facts;

import java.util.List;

/**
 * What an import says about an entity itself rather than its relations: a label (null when it gives none) of some
 * rank, aliases, and a short description that tells homonyms apart (null when it gives none).
 */
public record EntityNaming(String key, String label, LabelRank rank, List<Alias> aliases, String description) {

    public EntityNaming {
        aliases = List.copyOf(aliases);
    }
}
