package org.sslskura.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * One {@code ssls} command. {@link #execute} handles {@code --help} (usage to stdout, exit 0), parses the options and
 * turns the expected errors into a message on stderr and an exit code: 2 for a {@link UsageException}, 1 for a
 * {@link CommandFailure} or an {@link IOException}; no stack trace for either.
 */
abstract class Command {
    /** Exit code of success. */
    static final int OK = 0;
    /** Exit code of a runtime failure. */
    static final int FAILED = 1;
    /** Exit code of a usage error. */
    static final int USAGE = 2;

    /** @return the words after {@code ssls}, e.g. {@code "identity init"} */
    abstract String path();

    /** @return one line for the list of commands */
    abstract String summary();

    /** @return the help text; its first line is the usage line {@code usage: ssls ...} */
    abstract String help();

    /** @return the options that take a value */
    Set<String> valued() {
        return Set.of();
    }

    /** @return the options without value */
    Set<String> flags() {
        return Set.of();
    }

    /** Runs the command with its parsed options. */
    abstract int run(Args args, PrintStream out, PrintStream err) throws Exception;

    /** @return the exit code */
    int execute(List<String> raw, PrintStream out, PrintStream err) {
        try {
            if (raw.contains("--help") || raw.contains("-h")) {
                out.print(help());
                out.flush();
                return OK;
            }
            return run(Args.parse(raw, valued(), flags()), out, err);
        } catch (UsageException e) {
            err.println("ssls " + path() + ": " + e.getMessage());
            err.println(usageLine());
            err.println("Try 'ssls " + path() + " --help' for more information.");
            return USAGE;
        } catch (CommandFailure | IOException e) {
            err.println("ssls " + path() + ": " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ssls " + path() + ": interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("ssls " + path() + ": unexpected error: " + e);
            if (Logging.verbose()) {
                e.printStackTrace(err);
            } else {
                err.println("(run with -v for details)");
            }
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** @return the first line of {@link #help()} */
    String usageLine() {
        String h = help();
        int nl = h.indexOf('\n');
        return nl < 0 ? h : h.substring(0, nl);
    }
}
