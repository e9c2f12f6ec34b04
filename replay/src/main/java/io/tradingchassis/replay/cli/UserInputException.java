package io.tradingchassis.replay.cli;

/**
 * Bad input the user can fix (a missing file, malformed JSON, an invalid configuration): reported
 * as one line {@code tc: <message>} on standard error with exit code {@value TcCommand#EXIT_INPUT},
 * never with a stack trace.
 */
final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, starting with the input's name: {@code <file>: <what is wrong>} */
    UserInputException(String message) {
        super(message);
    }
}
