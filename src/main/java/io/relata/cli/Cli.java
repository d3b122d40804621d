package io.relata.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/** The command-line tool in the service's jar: {@code java -jar relata.jar train|evaluate|import ...}. */
public final class Cli {

    static final String USAGE = """
            usage: java -jar relata.jar COMMAND [options]

              evaluate --dataset DIR [training options] [--save-model DIR] [--reliability-png FILE]
                  Trains on DIR/train.txt (validating on valid.txt), evaluates the filtered link-prediction
                  protocol on test.txt (known = train, valid and test) per direction, measures the calibration
                  error on test, and prints one JSON line last. No store is touched.
              import --file FILE [--format tsv|csv|ndjson]
                  Imports facts into the configured store (the format defaults from the file's extension).
              train [training options] [--activate if-not-worse|always|never]
                  Runs a training job on every stored fact (10% held out), as POST /v1/training-jobs does:
                  saves a model version and activates it if it is not worse than the active one.

            training options (defaults in brackets):
              --rank N [100]  --epochs N [60]  --batch-size N [100]  --learning-rate X [0.1]  --n3 X [0.01]
              --init-scale X [0.001]  --seed N [42]  --patience N [3]  --validate-every N [5]
              --no-reciprocal   train forward queries only (no reciprocal relations)
              --device auto|cpu|gpu [auto]

            import and train read relata.* and spring.* settings as for the service, e.g.
              --relata.home=./relata-data  --spring.datasource.url=jdbc:postgresql://...
            --help prints this text. A command line that cannot be understood exits with code 2.
            """;

    static final Map<String, Arguments.Spec> COMMANDS = Map.of(
            "evaluate", new Arguments.Spec(EvaluateCommand.VALUED, union(TrainingOptions.FLAGS, Set.of("help"))),
            "import", new Arguments.Spec(StoreCommands.IMPORT_VALUED, Set.of("help")),
            "train", new Arguments.Spec(StoreCommands.TRAIN_VALUED, union(TrainingOptions.FLAGS, Set.of("help"))));

    private Cli() {}

    /** True when the first argument names a command of the tool rather than a setting of the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.containsKey(args[0]);
    }

    /** Runs a command and returns the process exit code: 0 done, 1 failed, 2 not understood. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args, COMMANDS);
            if (parsed.flag("help")) {
                out.print(USAGE);
                return 0;
            }
            return switch (parsed.command()) {
                case "evaluate" -> {
                    // no Spring here to configure logging: send DJL's log lines to stderr, keep stdout for the result
                    if (System.getProperty("logback.configurationFile") == null) {
                        System.setProperty("logback.configurationFile", "io/relata/cli/logback-evaluate.xml");
                    }
                    yield EvaluateCommand.run(parsed, out, err);
                }
                case "import" -> StoreCommands.importFacts(parsed, out, err);
                case "train" -> StoreCommands.train(parsed, out, err);
                default -> throw new UsageException("unknown command: " + parsed.command());
            };
        } catch (UsageException e) {
            err.println("relata: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("relata: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("relata: " + args[0] + " was interrupted");
            return 1;
        } catch (RuntimeException e) {
            err.println("relata: " + args[0] + " failed: " + e);
            return 1;
        }
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
