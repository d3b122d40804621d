package io.relata.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON writers of the commands, made on first use so that usage and --help never load Jackson. */
final class Json {

    /** One line: the result a command prints last, a line of an epoch log. */
    static final JsonMapper LINE = JsonMapper.builder().build();
    /** Indented, for the files of a run folder. */
    static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}
}
