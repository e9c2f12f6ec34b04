package io.tradingchassis.replay.cli;

import static io.tradingchassis.replay.cli.TcRunner.tc;
import static io.tradingchassis.replay.cli.TcRunner.tcWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.replay.cli.TcRunner.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcCommandTest {

    /** Standard input whose read fails with {@code failure}. */
    private static InputStream failingStdin(Throwable failure) {
        return new InputStream() {
            @Override
            public int read() {
                if (failure instanceof Error) {
                    throw (Error) failure;
                }
                throw (RuntimeException) failure;
            }
        };
    }

    @Test
    void helpListsCommandsAndPointsToCommandHelp() {
        Result r = tc("--help");
        assertEquals(0, r.exitCode(), r::toString);
        String help = r.out();
        assertTrue(help.startsWith("Usage: tc "), help);
        assertTrue(help.contains("Commands:") && help.contains("  config ") && help.contains("  json "), help);
        assertTrue(help.contains("Run 'tc <command> --help' for details."), help);
        assertTrue(help.contains("Examples:"), help);
        assertEquals("", r.err());
    }

    @Test
    void helpListsSweepAndTheJarSaysWhereItRuns() {
        Result help = tc("--help");
        assertTrue(help.out().contains("  sweep ") && help.out().contains("tc sweep runtime/local/sweep.json"),
                help::toString);
        Result sweep = tc("sweep", "runtime/local/sweep.json", "--out", "x");
        assertEquals(2, sweep.exitCode(), sweep::toString);
        assertEquals("", sweep.out());
        assertTrue(sweep.err().contains(SweepHandoffCommand.WHERE), sweep::toString);
    }

    @Test
    void helpCommandShowsSubcommandHelp() {
        Result r = tc("help", "config");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("Usage: tc config"), r::toString);
    }

    @Test
    void versionPrintsVersionAndSchema() {
        Result r = tc("--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("tc " + TcCommand.version() + " "), r::toString);
        assertTrue(r.out().contains("schemaVersion 1"), r::toString);
    }

    @Test
    void noCommandIsAUsageError() {
        Result r = tc();
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Missing required subcommand"), r::toString);
        assertTrue(r.err().contains("Usage: tc "), r::toString);
    }

    @Test
    void unknownOptionOrCommandIsAUsageError() {
        Result option = tc("config", "validate", "--frobnicate", "x.json");
        assertEquals(2, option.exitCode(), option::toString);
        assertTrue(option.err().contains("--frobnicate"), option::toString);
        Result command = tc("frobnicate");
        assertEquals(2, command.exitCode(), command::toString);
        assertTrue(command.err().contains("frobnicate"), command::toString);
    }

    @Test
    void unreadableStdinIsAnInputError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        Result r = tcWithInput(broken, false, "json", "canonical", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("tc: <stdin>: cannot read: device gone" + System.lineSeparator(), r.err());
    }

    @Test
    void internalErrorExitsSeventyWithoutStackTrace() {
        Result r = tcWithInput(failingStdin(new IllegalStateException("boom")), false, "json", "canonical", "-");
        assertEquals(70, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("tc: internal error: java.lang.IllegalStateException: boom"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertTrue(r.err().contains("--verbose"), r::toString);
    }

    @Test
    void internalErrorPrintsStackTraceWithVerbose() {
        for (String[] args : new String[][] {
                {"--verbose", "json", "canonical", "-"}, {"json", "canonical", "--verbose", "-"}}) {
            Result r = tcWithInput(failingStdin(new IllegalStateException("boom")), false, args);
            assertEquals(70, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("tc: internal error: "), r::toString);
            assertTrue(r.err().contains("\tat "), r::toString);
        }
    }

    @Test
    void internalErrorPrintsStackTraceWithTcDebug() {
        Result r = tcWithInput(failingStdin(new IllegalStateException("boom")), true, "config", "validate", "-");
        assertEquals(70, r.exitCode(), r::toString);
        assertTrue(r.err().contains("\tat "), r::toString);
    }

    @Test
    void outOfMemoryIsOneLineWithoutStackTrace() {
        Result r = tcWithInput(failingStdin(new OutOfMemoryError("Java heap space")), false,
                "config", "validate", "-");
        assertEquals(70, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("tc: internal error: out of memory (Java heap space; maximum heap "), r::toString);
        assertTrue(r.err().contains("MiB): give java a larger -Xmx"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void stackOverflowIsOneLineWithoutStackTrace() {
        Result r = tcWithInput(failingStdin(new StackOverflowError()), false, "json", "canonical", "-");
        assertEquals(70, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("tc: internal error: stack overflow"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void anyOtherErrorIsAnInternalErrorWithoutStackTrace() {
        Result r = tcWithInput(failingStdin(new NoClassDefFoundError("a/Missing")), false, "json", "canonical", "-");
        assertEquals(70, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("tc: internal error: java.lang.NoClassDefFoundError: a/Missing"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        Result verbose = tcWithInput(failingStdin(new NoClassDefFoundError("a/Missing")), false,
                "--verbose", "json", "canonical", "-");
        assertTrue(verbose.err().contains("\tat "), verbose::toString);
    }

    @Test
    void outOfMemoryInASmallHeapIsReportedInOneLine(@TempDir Path tmp) throws Exception {
        // Within the 16 MiB limit, but its tree of five million objects cannot fit in 32 MiB of heap.
        StringBuilder json = new StringBuilder("{\"instruments\":[{}");
        while (json.length() < 15 * 1024 * 1024) {
            json.append(",{}");
        }
        Path file = Files.writeString(tmp.resolve("wide.json"), json.append("]}"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx32m", "-cp",
                System.getProperty("java.class.path"), TcCommand.class.getName(), "config", "validate", file.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err;
        try (InputStream in = p.getErrorStream()) {
            err = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tc did not finish");
        assertEquals(70, p.exitValue(), err);
        assertTrue(err.startsWith("tc: internal error: out of memory ("), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void failedWriteToStandardOutputIsReported() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = TcCommand.run(new PrintWriter(broken), new PrintWriter(err),
                new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8)), false, "json", "canonical", "-");
        assertEquals(74, code, err::toString);
        assertTrue(err.toString().startsWith("tc: cannot write to standard output"), err::toString);
    }
}
