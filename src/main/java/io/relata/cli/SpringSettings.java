package io.relata.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The --name=value settings a command hands to Spring (relata.*, spring.*, server.*, management.*, logging.*). */
final class SpringSettings {

    @CommandLine.Parameters(paramLabel = "--name=value", arity = "0..*",
            description = "Settings as for the service, e.g. --relata.home=/data --spring.datasource.url=jdbc:postgresql://…")
    List<String> given = new ArrayList<>();

    /** The settings, each checked to be --name=value with a dotted name; anything else is a usage error. */
    List<String> checked(CommandLine commandLine) {
        for (String setting : given) {
            if (!RelataCommand.SETTING.matcher(setting).matches()) {
                throw new CommandLine.ParameterException(commandLine, setting.startsWith("-")
                        ? "Unknown option: '" + setting + "'"
                        : "Unexpected argument: '" + setting + "'; settings are written --name=value");
            }
        }
        return List.copyOf(given);
    }
}
