package io.tradingchassis.runtime.dataset;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The byte layout of a dataset file (runtime/README.md, "Dataset format"), shared by the writer and the
 * reader. All integers little-endian.
 *
 * <pre>
 * file    = header block* trailer
 * header  = magic[8] formatVersion:u32 headerLength:u32 body[headerLength] crc:u32
 * body    = eventCount:u64 codecVersion:u32 venue:str market:str symbol:str tickSize:str lotSize:str
 *           sourceCount:u32 (name:str sha256[32])*
 * str     = length:u16 utf8[length]
 * block   = payloadLength:u32 (1..MAX_BLOCK_BYTES) entryCount:u32 (>= 1) payload[payloadLength] crc:u32
 * trailer = 0:u32 eventCount:u64 crc:u32
 * </pre>
 *
 * Each {@code crc} is CRC32C over the bytes of its structure before it (the header's from the magic on).
 */
final class DatasetFormat {

    /** {@code TCDS\r\n\x1a\n}: a name, then bytes that text-mode transfers and {@code type} would mangle. */
    static final byte[] MAGIC = {'T', 'C', 'D', 'S', '\r', '\n', 0x1A, '\n'};
    /** magic, formatVersion, headerLength. */
    static final int PREFIX_BYTES = MAGIC.length + 4 + 4;
    static final int CRC_BYTES = 4;
    /** A header body larger than this is corrupt (it holds a few names and digests). */
    static final int MAX_HEADER_BODY_BYTES = 1 << 20;
    /** payloadLength and entryCount. */
    static final int BLOCK_HEAD_BYTES = 8;
    /** A block the reader refuses as corrupt beyond this size; the writer never comes near it. */
    static final int MAX_BLOCK_BYTES = 64 << 20;
    /** The writer closes a block once its payload reaches about this size. */
    static final int TARGET_BLOCK_BYTES = 64 << 10;
    /** The marker (a payload length of 0), the count and the CRC. */
    static final int TRAILER_BYTES = 4 + 8 + CRC_BYTES;
    static final int SHA256_BYTES = 32;
    private static final int MAX_STRING_BYTES = 0xFFFF;

    private DatasetFormat() {
    }

    static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int crc(ByteBuffer b, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }

    /** The whole header: prefix, body, CRC. */
    static ByteBuffer encodeHeader(DatasetHeader h) {
        List<byte[]> strings = new ArrayList<>();
        int bodyLength = 8 + 4;
        for (String s : new String[] {h.venue(), h.market(), h.symbol(), h.tickSize(), h.lotSize()}) {
            bodyLength += addString(strings, s);
        }
        bodyLength += 4;
        for (DatasetSource src : h.sources()) {
            bodyLength += addString(strings, src.name()) + SHA256_BYTES;
        }
        if (bodyLength > MAX_HEADER_BODY_BYTES) {
            throw new IllegalArgumentException("dataset header of " + bodyLength + " bytes is over the "
                    + MAX_HEADER_BODY_BYTES + "-byte limit (too many source files?)");
        }
        ByteBuffer b = le(PREFIX_BYTES + bodyLength + CRC_BYTES);
        b.put(MAGIC).putInt(h.formatVersion()).putInt(bodyLength);
        b.putLong(h.eventCount()).putInt(h.codecVersion());
        int next = 0;
        for (int i = 0; i < 5; i++) {
            putString(b, strings.get(next++));
        }
        b.putInt(h.sources().size());
        for (DatasetSource src : h.sources()) {
            putString(b, strings.get(next++));
            b.put(HexFormat.of().parseHex(src.sha256()));
        }
        b.putInt(crc(b, 0, b.position()));
        return b.flip();
    }

    private static int addString(List<byte[]> strings, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("dataset header string of " + bytes.length + " UTF-8 bytes is over "
                    + "the " + MAX_STRING_BYTES + "-byte limit: " + s.substring(0, 40) + "…");
        }
        strings.add(bytes);
        return 2 + bytes.length;
    }

    private static void putString(ByteBuffer b, byte[] bytes) {
        b.putShort((short) bytes.length).put(bytes);
    }

    /**
     * Parses a header body (after the prefix, without the CRC).
     *
     * @throws IllegalArgumentException naming what is wrong; the caller adds file and offset
     */
    static DatasetHeader decodeBody(int formatVersion, ByteBuffer body) {
        try {
            long eventCount = body.getLong();
            int codecVersion = body.getInt();
            String venue = getString(body, "venue");
            String market = getString(body, "market");
            String symbol = getString(body, "symbol");
            String tickSize = getString(body, "tickSize");
            String lotSize = getString(body, "lotSize");
            long sourceCount = Integer.toUnsignedLong(body.getInt());
            if (sourceCount > body.remaining() / (2 + SHA256_BYTES)) {
                throw new IllegalArgumentException("header sourceCount " + sourceCount + " is more than its bytes hold");
            }
            List<DatasetSource> sources = new ArrayList<>();
            for (long i = 0; i < sourceCount; i++) {
                String name = getString(body, "source name");
                byte[] sha = new byte[SHA256_BYTES];
                body.get(sha);
                sources.add(new DatasetSource(name, HexFormat.of().formatHex(sha)));
            }
            if (body.hasRemaining()) {
                throw new IllegalArgumentException("header has " + body.remaining() + " bytes after its last field");
            }
            return new DatasetHeader(formatVersion, codecVersion, venue, market, symbol, tickSize, lotSize, sources,
                    eventCount);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("header fields run past the header length");
        }
    }

    private static String getString(ByteBuffer b, String field) {
        int n = Short.toUnsignedInt(b.getShort());
        if (n > b.remaining()) {
            throw new IllegalArgumentException("header " + field + " length " + n + " runs past the header length");
        }
        ByteBuffer slice = b.slice().limit(n);
        b.position(b.position() + n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("header " + field + " is not valid UTF-8");
        }
    }
}
