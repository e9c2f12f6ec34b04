package io.tradingchassis.replay.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@link TcCommand#run} in-process and captures what it prints. */
final class TcRunner {

    /** One run: exit code, standard output as UTF-8 bytes and as text, standard error. */
    record Result(int exitCode, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out() + "\n--- stderr\n" + err;
        }
    }

    private TcRunner() {
    }

    /** Runs {@code tc args} with empty standard input and no TC_DEBUG. */
    static Result tc(String... args) {
        return tcWithInput(new ByteArrayInputStream(new byte[0]), false, args);
    }

    /** Runs {@code tc args} with {@code stdin} (UTF-8) as standard input. */
    static Result tcWithStdin(String stdin, String... args) {
        return tcWithInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, args);
    }

    /** Runs {@code tc args}; standard output goes through a UTF-8 encoder into bytes, as in {@code main}. */
    static Result tcWithInput(InputStream in, boolean debugEnv, String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        int code = TcCommand.run(out, new PrintWriter(err), in, debugEnv, args);
        return new Result(code, outBytes.toByteArray(), err.toString());
    }
}
