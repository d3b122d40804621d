package io.relata.web;

import java.nio.charset.CharacterCodingException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/** Says why a JSON body could not be read, naming the field where there is one: what a client needs to fix it. */
final class JsonErrors {

    private static final int MAX_DETAIL = 300;

    private JsonErrors() {}

    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Utf8BodyFilter.InvalidUtf8Exception) {
                return cause.getMessage();
            }
            if (cause instanceof CharacterCodingException) {
                return "the body is not valid UTF-8";
            }
            if (cause instanceof PropertyBindingException unknown) {
                return "unknown field '" + path(unknown) + "'" + known(unknown.getKnownPropertyIds());
            }
            if (cause instanceof MismatchedInputException mismatch) {
                if (String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
                    return "the body is not valid JSON: content follows the JSON value";
                }
                return (mismatch.getPath().isEmpty() ? "the body" : path(mismatch)) + " must be " + kind(mismatch.getTargetType());
            }
            if (cause instanceof StreamReadException parse) {
                return "the body is not valid JSON: " + shortened(parse.getOriginalMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return failure.getMessage() != null && failure.getMessage().startsWith("Required request body is missing")
                ? "the request needs a JSON body"
                : "the request body is not valid JSON of the expected shape";
    }

    /** The field as a client would write it: {@code queries[0].limit}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : path.toString();
    }

    private static String known(Collection<Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return "";
        }
        return "; the fields are " + String.join(", ", fields.stream().map(String::valueOf).sorted().toList());
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String shortened(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }
}
