package io.relata;

import java.util.function.Consumer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How relata reads JSON from clients, for request bodies and NDJSON imports alike: a duplicate key, an unknown field,
 * trailing content or a value of another type than declared ("5" for a number, 1 for true, 2 for a string) is an error
 * rather than a guess.
 */
public final class StrictJson {

    private StrictJson() {}

    /** Makes a mapper builder strict. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, refuse(
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Integer, refuse(
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, refuse(
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Boolean, refuse(
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                        CoercionInputShape.Float))
                .withCoercionConfig(LogicalType.Collection, refuse(
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Map, refuse(
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.POJO, refuse(
                        CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.Array));
    }

    /** A strict mapper of its own, for reading outside Spring MVC. */
    public static JsonMapper mapper() {
        return configure(JsonMapper.builder()).build();
    }

    private static Consumer<MutableCoercionConfig> refuse(
            CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }
}
