package org.sslskura.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command with subcommands ({@code ssls identity init}, {@code ssls peers list}, ...). */
final class CommandGroup extends Command {
    private final String name;
    private final String summary;
    private final Map<String, Command> subcommands = new LinkedHashMap<>();

    CommandGroup(String name, String summary, List<Command> subcommands) {
        this.name = name;
        this.summary = summary;
        for (Command c : subcommands) {
            String p = c.path();
            this.subcommands.put(p.substring(p.lastIndexOf(' ') + 1), c);
        }
    }

    @Override
    String path() {
        return name;
    }

    @Override
    String summary() {
        return summary;
    }

    /** @return the subcommands by name, in the order given */
    Map<String, Command> subcommands() {
        return subcommands;
    }

    @Override
    String help() {
        StringBuilder b = new StringBuilder("usage: ssls " + name + " <" + String.join("|", subcommands.keySet())
                + "> [options]\n\n" + summary + ".\n\nsubcommands:\n");
        for (Command c : subcommands.values()) {
            b.append(String.format("  %-16s %s%n", c.path(), c.summary()));
        }
        b.append("\nRun 'ssls ").append(name).append(" <subcommand> --help' for its options.\n");
        return b.toString();
    }

    @Override
    int execute(List<String> raw, PrintStream out, PrintStream err) {
        if (raw.isEmpty() || raw.get(0).equals("--help") || raw.get(0).equals("-h") || raw.get(0).equals("help")) {
            PrintStream to = raw.isEmpty() ? err : out;
            if (raw.isEmpty()) {
                err.println("ssls " + name + ": missing subcommand");
            }
            to.print(help());
            to.flush();
            return raw.isEmpty() ? USAGE : OK;
        }
        Command sub = subcommands.get(raw.get(0));
        if (sub == null) {
            err.println("ssls " + name + ": unknown subcommand '" + raw.get(0) + "'");
            err.println(usageLine());
            err.println("Try 'ssls " + name + " --help' for more information.");
            return USAGE;
        }
        return sub.execute(raw.subList(1, raw.size()), out, err);
    }

    @Override
    int run(Args args, PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("dispatched in execute");
    }
}
