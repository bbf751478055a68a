package dev.streamsmustflow.recovery.cli;

import java.io.PrintWriter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** How the commands end on an error: one line naming it, and the exit code that says what kind it was. */
final class CommandErrors {

    private CommandErrors() {
    }

    /** An invalid option or combination: one line, exit 2; nothing ran. */
    static int usage(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("compare: " + e.getMessage().strip() + " (./compare --help lists the options)");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Anything else that escaped: the run could not be completed, exit 3, with the stack trace for a bug report. */
    static int unexpected(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("compare: could not complete: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCode.COULD_NOT_RUN.code();
    }
}
