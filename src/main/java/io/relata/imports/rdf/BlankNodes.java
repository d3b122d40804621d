package io.relata.imports.rdf;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.MapWithScope;

/**
 * Blank nodes that keep the label the file gives them, the same label in every chunk of lines RIOT is handed, and a
 * label of their own ("blank 1") when the file gives none ({@code []} in Turtle, a nested node in RDF/XML). A space
 * cannot occur in a written label, so the two never meet.
 */
final class BlankNodes {

    private BlankNodes() {}

    /** One per read: its counter numbers the file's unlabelled nodes. */
    static LabelToNode labelsAsWritten() {
        return new LabelToNode(new NoScope(), new Allocator());
    }

    /** Every occurrence of a label asks the allocator, which gives the same node for the same label. */
    private static final class NoScope implements MapWithScope.ScopePolicy<String, Node, Node> {
        @Override
        public Map<String, Node> getScope(Node scope) {
            return null;
        }

        @Override
        public void clear() {}
    }

    private static final class Allocator implements MapWithScope.Allocator<String, Node, Node> {
        private long unlabelled;

        @Override
        public Node alloc(Node scope, String label) {
            return NodeFactory.createBlankNode(label);
        }

        @Override
        public Node create() {
            return NodeFactory.createBlankNode("blank " + ++unlabelled);
        }

        @Override
        public void reset() {}
    }
}
