package io.relata.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of the relata jar: its commands, usage and exit codes (0 done, 1 failed, 2 not understood). */
@Command(name = "relata", mixinStandardHelpOptions = true, versionProvider = RelataCommand.Version.class,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "Answers relation questions in both directions with calibrated confidence.",
            "",
            "Without a command, or with only --name=value settings (--server.port=8081 --relata.role=api), relata "
                    + "serves: the same as 'relata serve'."},
        subcommands = {ServeCommand.class, EvaluateCommand.class, TrainCommand.class, ImportCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  relata                                serve on port 8080, state in ./relata-data",
            "  relata --server.port=8081             serve on another port",
            "  relata evaluate --dataset DIR         train on a benchmark, print its metrics",
            "  relata evaluate --dataset DIR --model VERSION   evaluate a saved model",
            "  relata help train                     usage of a command",
            "",
            "relata is 'java -jar relata.jar'. All state lives under relata.home (env RELATA_HOME,",
            "default ./relata-data)."})
final class RelataCommand implements Runnable {

    /** A setting handed to Spring: --name=value with a dotted name (--server.port=8081, --relata.home=/data). */
    static final Pattern SETTING = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*", Pattern.DOTALL);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reached only with no command at all, which {@link #withDefaultCommand} turns into serve. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with relata's commands and error handling. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RelataCommand());
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("relata: " + commandLine.getCommandName() + " failed: " + describe(e));
            return commandLine.getCommandSpec().exitCodeOnExecutionException();
        });
        return cli;
    }

    /** The arguments with serve put first when they name no command: none at all, or only settings. */
    static String[] withDefaultCommand(String[] args) {
        if (Arrays.stream(args).allMatch(arg -> SETTING.matcher(arg).matches())) {
            List<String> serve = new ArrayList<>(List.of(ServeCommand.NAME));
            serve.addAll(List.of(args));
            return serve.toArray(String[]::new);
        }
        return args;
    }

    /** Whether the run started the service, which keeps the process alive after main returns. */
    static boolean serving(CommandLine cli, int exitCode) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        return exitCode == 0 && parsed != null && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().name().equals(ServeCommand.NAME)
                && !parsed.subcommand().isUsageHelpRequested();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = RelataCommand.class.getPackage().getImplementationVersion();
            return new String[] {"relata " + (version == null ? "(development build)" : version)};
        }
    }
}
