package io.relata.cli;

import picocli.CommandLine;

/**
 * Starts relata: the service when no command is given (or only {@code --name=value} settings, as a container passes
 * them), else a command of the tool: serve, evaluate, train, import, help.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        CommandLine cli = RelataCommand.commandLine();
        int code = cli.execute(RelataCommand.withDefaultCommand(args));
        if (!RelataCommand.serving(cli, code)) {
            System.exit(code);
        }
    }
}
