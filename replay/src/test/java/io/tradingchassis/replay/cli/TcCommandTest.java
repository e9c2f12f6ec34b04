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
import org.junit.jupiter.api.Test;

class TcCommandTest {

    /** Standard input whose read fails with {@code failure}. */
    private static InputStream failingStdin(RuntimeException failure) {
        return new InputStream() {
            @Override
            public int read() {
                throw failure;
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
