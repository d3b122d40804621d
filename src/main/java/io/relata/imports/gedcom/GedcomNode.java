package io.relata.imports.gedcom;

import java.util.List;
import java.util.Optional;

/**
 * A GEDCOM structure: a line with the lines under it, its CONC and CONT lines already joined into its value.
 * {@code xref} is null when the line has none; {@code value} is "" when it has none.
 */
record GedcomNode(long line, String xref, String tag, String value, List<GedcomNode> children) {

    /** 7.0's pointer to nothing, written where a structure needs a pointer but there is none. */
    static final String VOID = "VOID";

    GedcomNode {
        children = List.copyOf(children);
    }

    /** The substructures with this tag, in file order. */
    List<GedcomNode> all(String childTag) {
        return children.stream().filter(child -> child.tag.equals(childTag)).toList();
    }

    Optional<GedcomNode> first(String childTag) {
        return children.stream().filter(child -> child.tag.equals(childTag)).findFirst();
    }

    /** The value of the first substructure with this tag, or "" when there is none. */
    String firstValue(String childTag) {
        return first(childTag).map(GedcomNode::value).orElse("");
    }

    /** The xref this value points to, without its {@code @}s; empty when it is no pointer or points to 7.0's VOID. */
    Optional<String> pointer() {
        String text = value.strip();
        if (text.length() < 3 || text.charAt(0) != '@' || text.charAt(text.length() - 1) != '@'
                || text.indexOf('@', 1) != text.length() - 1) {
            return Optional.empty();
        }
        String xref = text.substring(1, text.length() - 1);
        return xref.equals(VOID) || xref.isBlank() ? Optional.empty() : Optional.of(xref);
    }
}
