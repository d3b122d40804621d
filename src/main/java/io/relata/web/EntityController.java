package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import io.relata.facts.FactIngestor;
import io.relata.query.EntityResolver;
import io.relata.query.ResolvedEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Entity names: see how a mention resolves, and give an entity another name. */
@RestController
@Tag(name = "Entities", description = "How mentions resolve to entities, and aliases")
class EntityController {

    private final EntityResolver resolver;
    private final FactIngestor ingestor;

    EntityController(EntityResolver resolver, FactIngestor ingestor) {
        this.resolver = resolver;
        this.ingestor = ingestor;
    }

    record Resolution(QueryResponse.EntityView entity, QueryResponse.ResolutionView resolution) {}

    record AliasBody(String entity, String alias) {}

    record AliasAdded(QueryResponse.EntityView entity, String alias, boolean added) {}

    @GetMapping("/v1/entities/resolve")
    @Operation(operationId = "resolveEntity", summary = "Resolve a mention as a question would (exact, alias, folded, token, fuzzy); 404 lists candidates")
    Resolution resolve(@RequestParam("q") String mention) {
        return view(resolver.resolve(checked(mention, "q")));
    }

    @PostMapping("/v1/entities/aliases")
    @Operation(operationId = "addAlias", summary = "Give an entity another name that questions may use")
    AliasAdded addAlias(@RequestBody AliasBody body) {
        if (body == null) {
            throw new InvalidInputException("the body needs entity and alias");
        }
        ResolvedEntity entity = resolver.resolve(checked(body.entity(), "entity"));
        String alias = checked(body.alias(), "alias");
        boolean added = ingestor.addAlias(entity.entity().id(), alias);
        return new AliasAdded(view(entity).entity(), alias, added);
    }

    private static Resolution view(ResolvedEntity resolved) {
        return new Resolution(
                QueryResponse.EntityView.of(resolved.entity()),
                new QueryResponse.ResolutionView(resolved.mention(), QueryResponse.wire(resolved.match())));
    }

    private static String checked(String value, String name) {
        return TextInput.check(name, value, TextInput.LABEL_LENGTH);
    }
}
