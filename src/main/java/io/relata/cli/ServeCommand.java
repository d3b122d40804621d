package io.relata.cli;

import io.relata.RelataApplication;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code relata serve}: the HTTP service. */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
        description = "Starts the HTTP service (the default when no command is given).")
final class ServeCommand implements Callable<Integer> {

    static final String NAME = "serve";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SpringSettings settings;

    @Override
    public Integer call() {
        SpringApplication service = new SpringApplication(RelataApplication.class);
        service.setMainApplicationClass(RelataApplication.class);
        service.run(settings.checked(spec.commandLine()).toArray(String[]::new));
        return 0;
    }
}
