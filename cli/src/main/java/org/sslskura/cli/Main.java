package org.sslskura.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ssls} program. {@link #run} is the whole program with its streams as arguments (the tests call it
 * in-process); {@link #main} configures logging, runs it on System.out/System.err and exits with its code.
 */
public final class Main {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(
                new CommandGroup("identity", "Manage this endpoint's identity (its key pair and HIT)",
                        List.of(new IdentityInitCommand(), new IdentityShowCommand())),
                new CommandGroup("peers", "Manage the trusted peers",
                        List.of(new PeersAddCommand(), new PeersListCommand())),
                new CollectCommand(), new SendCommand(), new DemoCommand())) {
            COMMANDS.put(c.path(), c);
        }
    }

    private Main() {
    }

    /** Runs the program and exits with its exit code. */
    public static void main(String[] args) {
        Logging.configure(Arrays.stream(args).anyMatch(Main::isVerboseFlag));
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs one command.
     *
     * @return the exit code: 0 success, 1 runtime failure, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.stream(args).toList();
        while (!rest.isEmpty() && isVerboseFlag(rest.get(0))) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.isEmpty()) {
            err.println("ssls: missing command");
            err.print(help());
            err.flush();
            return Command.USAGE;
        }
        String first = rest.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (first.equals("help") && rest.size() > 1) {
                return run(concat(rest.subList(1, rest.size()), "--help"), out, err);
            }
            out.print(help());
            out.flush();
            return Command.OK;
        }
        Command c = COMMANDS.get(first);
        if (c == null) {
            err.println("ssls: unknown command '" + first + "'");
            err.println("Try 'ssls --help' for the list of commands.");
            err.flush();
            return Command.USAGE;
        }
        return c.execute(rest.subList(1, rest.size()), out, err);
    }

    /** @return true for {@code -v} and {@code --verbose}, accepted anywhere */
    static boolean isVerboseFlag(String arg) {
        return "-v".equals(arg) || "--verbose".equals(arg);
    }

    static String help() {
        StringBuilder b = new StringBuilder("""
                usage: ssls [-v] <command> [options]

                End-to-end secured messages over MQTT: HIP DEX key exchange, SSE envelope, acknowledged delivery.

                commands:
                """);
        for (Command c : COMMANDS.values()) {
            if (c instanceof CommandGroup g) {
                for (Command sub : g.subcommands().values()) {
                    b.append(String.format("  %-16s %s%n", sub.path(), sub.summary()));
                }
            } else {
                b.append(String.format("  %-16s %s%n", c.path(), c.summary()));
            }
        }
        b.append("""

                Run 'ssls <command> --help' for the options of a command.
                -v, --verbose    log at INFO on stderr (default: WARN)
                Exit codes: 0 success, 1 failure, 2 usage error.
                """);
        return b.toString();
    }

    private static String[] concat(List<String> a, String last) {
        String[] out = a.toArray(new String[a.size() + 1]);
        out[a.size()] = last;
        return out;
    }
}
