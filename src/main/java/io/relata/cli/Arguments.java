package io.relata.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command word, its {@code --option value} pairs and {@code --flag}s, and the
 * {@code --relata.*=…} / {@code --spring.*=…} settings handed on to Spring untouched.
 */
record Arguments(String command, Map<String, String> values, Set<String> flags, List<String> springArguments) {

    /** The options a command accepts: those that take a value, and flags. */
    record Spec(Set<String> valued, Set<String> flags) {}

    /** Parses {@code args} (the command word first) against the spec of that command. */
    static Arguments parse(String[] args, Map<String, Spec> specs) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        String command = args[0];
        Spec spec = specs.get(command);
        if (spec == null) {
            throw new UsageException("unknown command: " + command);
        }
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (name.startsWith("relata.") || name.startsWith("spring.")) {
                if (inlineValue == null) {
                    throw new UsageException("--" + name + " needs a value as --" + name + "=VALUE");
                }
                spring.add(arg);
            } else if (spec.flags().contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (spec.valued().contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option for " + command + ": --" + name);
            }
        }
        return new Arguments(command, Map.copyOf(values), Set.copyOf(flags), List.copyOf(spring));
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new UsageException(command + " needs --" + name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int intValue(String name, int otherwise) {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was " + v);
        }
    }

    long longValue(String name, long otherwise) {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was " + v);
        }
    }

    float floatValue(String name, float otherwise) {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            float f = Float.parseFloat(v);
            if (!Float.isFinite(f)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was " + v);
        }
    }
}
