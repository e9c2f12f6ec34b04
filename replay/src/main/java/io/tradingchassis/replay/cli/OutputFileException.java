package io.tradingchassis.replay.cli;

/**
 * An output file (a dataset, a report) that could not be written: full disk, no permission, a
 * directory in the way. Reported as one line {@code tc: <file>: <what failed>} with exit code
 * {@value TcCommand#EXIT_OUTPUT}.
 */
final class OutputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, starting with the file: {@code <file>: <what failed>} */
    OutputFileException(String message) {
        super(message);
    }
}
