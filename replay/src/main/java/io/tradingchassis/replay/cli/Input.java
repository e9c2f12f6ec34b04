package io.tradingchassis.replay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One input text: a file, or standard input when the argument is {@code -}. JSON is UTF-8
 * (RFC 8259 §8.1), so the bytes are decoded strictly: a malformed sequence is an error, never
 * silently replaced, because a replaced character would change a canonical form and a fingerprint. A
 * leading byte order mark is an error too. An input larger than the command's limit is an error, found
 * before it is read whole: by a file's size, and by reading at most one byte past the limit.
 *
 * @param name how messages name the input: the argument as given, or {@value #STDIN_NAME}
 * @param text the decoded text
 */
record Input(String name, String text) {

    /** The argument that means standard input. */
    static final String STDIN_ARG = "-";
    /** The name of standard input in messages and in {@code OK} lines. */
    static final String STDIN_NAME = "<stdin>";

    /**
     * Reads {@code arg} (a path, or {@code -} for {@code stdin}) as UTF-8 text of at most
     * {@code maxBytes} bytes.
     *
     * @param what what the input is, for the message when it is too large: "a configuration"
     * @throws UserInputException naming the input when it cannot be read, is larger than
     *         {@code maxBytes} or is not UTF-8
     */
    static Input read(String arg, InputStream stdin, int maxBytes, String what) {
        boolean isStdin = STDIN_ARG.equals(arg);
        String name = isStdin ? STDIN_NAME : arg;
        byte[] bytes;
        try {
            bytes = isStdin ? stdin.readNBytes(maxBytes + 1) : readFile(arg, maxBytes, what);
            if (bytes.length > maxBytes) {
                throw new UserInputException(name + ": more than " + limit(maxBytes) + ", the limit for " + what);
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserInputException(name + ": permission denied");
        } catch (IOException e) {
            throw new UserInputException(name + ": cannot read: " + e.getMessage());
        }
        return new Input(name, decodeUtf8(name, bytes));
    }

    /** {@code 16 MiB (16777216 bytes)}. */
    static String limit(int maxBytes) {
        int mib = 1024 * 1024;
        return (maxBytes % mib == 0 ? maxBytes / mib + " MiB" : maxBytes / 1024 + " KiB") + " (" + maxBytes
                + " bytes)";
    }

    private static byte[] readFile(String arg, int maxBytes, String what) throws IOException {
        Path path;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new UserInputException(arg + ": not a valid path: " + e.getReason());
        }
        if (Files.isDirectory(path)) {
            throw new UserInputException(arg + ": is a directory, not a file");
        }
        if (Files.isRegularFile(path)) {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new UserInputException(arg + ": " + size + " bytes, more than the " + limit(maxBytes)
                        + " limit for " + what);
            }
        }
        try (InputStream in = Files.newInputStream(path)) {
            // Bounded: the file may have grown since, or be a pipe or device whose size reads as 0.
            return in.readNBytes(maxBytes + 1);
        }
    }

    private static String decodeUtf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Validate through a small buffer, then decode once into the String: a char buffer as large as the
        // input would take twice its size in heap on top of the bytes and the String.
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            do {
                out.clear();
                result = decoder.flush(out);
            } while (result.isOverflow());
        }
        if (result.isError()) {
            throw new UserInputException(name + ": not valid UTF-8 (bad byte sequence at byte offset "
                    + in.position() + "); JSON text must be UTF-8");
        }
        String text = new String(bytes, StandardCharsets.UTF_8); // exact: the bytes are valid UTF-8
        if (text.startsWith("\uFEFF")) {
            // Refused, not skipped: CoreConfiguration.load refuses it too, and tc must not pass a file the
            // runtime rejects.
            throw new UserInputException(name + ": starts with a byte order mark (U+FEFF); JSON text must not "
                    + "(RFC 8259 section 8.1): save it as UTF-8 without BOM");
        }
        return text;
    }
}
