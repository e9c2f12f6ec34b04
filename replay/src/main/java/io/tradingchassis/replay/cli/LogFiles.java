package io.tradingchassis.replay.cli;

import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.Replayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden-log arguments: a binary log as is, a YAML log converted to a temporary binary first. */
final class LogFiles {
    static final String EXIT_LINES_HEAD = "0:the log verifies (or the logs are equal)";
    static final String[] EXIT_LINES = {
        "1:the logs differ (diff), or a golden failed (verify)",
        "2:invalid input (a missing file, a configuration that does not load) or usage",
        "3:unknown format version (of the log or its event codec)",
        "4:corrupt log (bad bytes: named with the position and byte offset)",
        "5:chain mismatch: a chain value, checkpoint, dispatch record or trailer differs under the core that "
                + "recorded the log",
        "6:truncated log (ends inside a record; the last intact position is named)",
        "7:missing trailer (the recording did not finish; --prefix verifies the intact prefix)",
        "8:the header's fingerprint is not that of its own configuration",
        "9:behaviour changed: another core (or configuration) re-derives something else (first divergent position)",
        "10:the given configuration is not the log's (--allow-config-change to replay under it anyway)",
        "70:internal error",
    };

    private LogFiles() {
    }

    /** The binary form of {@code file}: itself, or a temporary conversion of a {@code .tcgl.yaml} (deleted on exit). */
    static Path binary(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such log file");
        }
        if (!file.getFileName().toString().endsWith(LogYaml.EXTENSION)) {
            return file;
        }
        Path tmp = Files.createTempFile("tc-", ".tcgl");
        tmp.toFile().deleteOnExit();
        LogYaml.toBinary(file, tmp);
        return tmp;
    }

    /** Replays {@code file} (binary or YAML) with {@code r}; failures name {@code file}, never a temporary. */
    static Replayer.Outcome replay(Replayer r, Path file) throws IOException {
        Path bin = binary(file);
        try {
            return r.replay(bin);
        } catch (LogException e) {
            throw e.naming(bin, file);
        }
    }

    /** {@link #replay(Replayer, Path)} with the standard catalog and nothing else set. */
    static Replayer.Outcome replay(Path file) throws IOException {
        return replay(new Replayer(StrategyCatalog.standard()), file);
    }
}
