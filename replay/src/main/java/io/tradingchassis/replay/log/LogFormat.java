package io.tradingchassis.replay.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The byte layout of a golden log (README "Golden logs"), shared by the writer and the reader. Fields are
 * written directly, with no names (the Chronicle Bytes level of SPEC §13): fixed-width integers
 * little-endian, {@code varint} unsigned LEB128, events in the runtime's event codec.
 *
 * <pre>
 * file       = header record* trailer
 * header     = magic[8] formatVersion:u32 bodyLength:u32 body[bodyLength] crc:u32
 * body       = codecVersion:u32 coreVersion:str digestAlgorithm:str datasetId:str strategyId:str
 *              strategyVersion:str checkpointInterval:u64 count:u32 (fingerprint:str config:text)*
 * str        = length:u16 utf8   text = length:u32 utf8
 * record     = entry | checkpoint
 * entry      = 'E' position:varint eventLength:varint event[eventLength] chain:u64
 * checkpoint = 'C' position:varint sha256[32]          (State digest after that position)
 * trailer    = 'T' entryCount:u64 chain:u64 sha256[32] crc:u32
 * </pre>
 *
 * The header's and trailer's CRC32C cover their bytes from the magic (or tag) on. Entries carry no CRC:
 * the chain is their check. {@code chain[n] = XXH3-64(chain[n-1] ‖ position ‖ event ‖ result[n])}, with
 * {@code chain[-1] = 0} and {@code result[n]} the canonical bytes of the step's result
 * ({@link ResultChain}). A checkpoint follows every entry whose position is a positive multiple of the
 * interval; the trailer carries the final State digest.
 */
public final class LogFormat {
    /** {@code TCGL\r\n\x1a\n}. */
    static final byte[] MAGIC = {'T', 'C', 'G', 'L', '\r', '\n', 0x1A, '\n'};
    /** The format this build writes and reads. */
    public static final int VERSION = 1;
    /** What the header names as the digest algorithm. */
    public static final String DIGEST_ALGORITHM = "chain=xxh3-64,state=sha256";
    /** File name extension of a binary golden log. */
    public static final String EXTENSION = ".tcgl";

    static final byte TAG_ENTRY = 'E';
    static final byte TAG_CHECKPOINT = 'C';
    static final byte TAG_TRAILER = 'T';
    static final int PREFIX_BYTES = MAGIC.length + 4 + 4;
    static final int CRC_BYTES = 4;
    static final int SHA256_BYTES = 32;
    static final int TRAILER_BYTES = 1 + 8 + 8 + SHA256_BYTES + CRC_BYTES;
    /** A header body or an event beyond this size is corrupt. */
    static final int MAX_BODY_BYTES = 64 << 20;
    static final int MAX_EVENT_BYTES = 16 << 20;

    private LogFormat() {
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
    static ByteBuffer encodeHeader(LogHeader h) {
        List<byte[]> strs = new ArrayList<>();
        int body = 4;
        for (String s : new String[] {h.coreVersion(), h.digestAlgorithm(), h.datasetId(), h.strategyId(),
                h.strategyVersion()}) {
            body += add(strs, s, 0xFFFF) + 2;
        }
        body += 8 + 4;
        for (int i = 0; i < h.configurations().size(); i++) {
            body += add(strs, h.fingerprints().get(i), 0xFFFF) + 2;
            body += add(strs, h.configurations().get(i), MAX_BODY_BYTES) + 4;
        }
        if (body > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("log header of " + body + " bytes is over the limit " + MAX_BODY_BYTES);
        }
        ByteBuffer b = le(PREFIX_BYTES + body + CRC_BYTES);
        b.put(MAGIC).putInt(h.formatVersion()).putInt(body).putInt(h.codecVersion());
        int next = 0;
        for (int i = 0; i < 5; i++) {
            byte[] s = strs.get(next++);
            b.putShort((short) s.length).put(s);
        }
        b.putLong(h.checkpointInterval()).putInt(h.configurations().size());
        for (int i = 0; i < h.configurations().size(); i++) {
            byte[] fp = strs.get(next++);
            b.putShort((short) fp.length).put(fp);
            byte[] cfg = strs.get(next++);
            b.putInt(cfg.length).put(cfg);
        }
        b.putInt(crc(b, 0, b.position()));
        return b.flip();
    }

    private static int add(List<byte[]> strs, String s, int max) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException("log header string of " + bytes.length + " bytes is over " + max);
        }
        strs.add(bytes);
        return bytes.length;
    }

    /** Parses a header body; {@link IllegalArgumentException} names what is wrong. */
    static LogHeader decodeBody(int formatVersion, ByteBuffer b) {
        try {
            int codecVersion = b.getInt();
            String core = str(b, Short.toUnsignedInt(b.getShort()), "coreVersion");
            String alg = str(b, Short.toUnsignedInt(b.getShort()), "digestAlgorithm");
            String dataset = str(b, Short.toUnsignedInt(b.getShort()), "datasetId");
            String sid = str(b, Short.toUnsignedInt(b.getShort()), "strategyId");
            String sver = str(b, Short.toUnsignedInt(b.getShort()), "strategyVersion");
            long interval = b.getLong();
            long n = Integer.toUnsignedLong(b.getInt());
            if (n == 0 || n > b.remaining() / 6) {
                throw new IllegalArgumentException("header configuration count " + n + " does not fit its bytes");
            }
            List<String> configs = new ArrayList<>();
            List<String> fps = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                fps.add(str(b, Short.toUnsignedInt(b.getShort()), "fingerprint"));
                long len = Integer.toUnsignedLong(b.getInt());
                if (len > b.remaining()) {
                    throw new IllegalArgumentException("header configuration length " + len + " runs past the header");
                }
                configs.add(str(b, (int) len, "configuration"));
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("header has " + b.remaining() + " bytes after its last field");
            }
            return new LogHeader(formatVersion, codecVersion, core, alg, dataset, sid, sver, interval, configs, fps);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("header fields run past the header length");
        }
    }

    private static String str(ByteBuffer b, int n, String field) {
        if (n > b.remaining()) {
            throw new IllegalArgumentException("header " + field + " length " + n + " runs past the header");
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

    /** Unsigned LEB128. */
    static void putVarint(ByteBuffer b, long v) {
        while ((v & ~0x7FL) != 0) {
            b.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.put((byte) v);
    }
}
