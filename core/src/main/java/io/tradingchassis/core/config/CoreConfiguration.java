package io.tradingchassis.core.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.json.JsonCanonicalizationException;
import io.tradingchassis.core.json.JsonCanonicalizer;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.ParameterType;
import io.tradingchassis.core.strategy.ScriptItem;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The fully resolved, validated, immutable configuration of a run (SPEC §10). Every field has a
 * documented default (see the component records and {@code README.md}); a configuration is built only
 * by {@link #parse}, {@link #load} or {@link #defaults}, so an instance is always valid and the hot
 * path trusts it.
 *
 * <p>The {@linkplain #fingerprint() fingerprint} is {@code sha256:} + hex SHA-256 of the RFC 8785
 * form of {@link #resolvedJson()}: key order, whitespace and number spelling never change it; any
 * semantic change does.
 */
public final class CoreConfiguration {

    /** The schema version this build writes and reads; a file with a newer one is refused. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    /**
     * Largest integer a configuration may hold: 2^53 − 1, the largest integer RFC 8785 (IEEE-754
     * double numbers) represents exactly, so the fingerprint never silently rounds a value.
     */
    public static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

    /**
     * Largest configuration text, in bytes of UTF-8: 16 MiB. A configuration is a few kilobytes; the
     * bound keeps a wrong or hostile file from exhausting the heap, as its JSON tree takes many times
     * its size. {@link #load} checks a file's size before it reads it; {@link #parse} checks the text.
     */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    /** {@link #MAX_INPUT_BYTES} for messages. */
    static final String MAX_INPUT_TEXT = "16 MiB (" + MAX_INPUT_BYTES + " bytes)";

    /** Default checkpoint interval, in positions. */
    public static final long DEFAULT_CHECKPOINT_INTERVAL = 10_000;

    /** Default merge order at equal {@code localTsNs} (SPEC §9). */
    public static final List<MergeSource> DEFAULT_MERGE_ORDER =
            List.of(MergeSource.CONTROL_TIME, MergeSource.EXECUTION, MergeSource.MARKET);

    /** Default dispatch priority by command type (SPEC §8.4). */
    public static final List<CommandType> DEFAULT_COMMAND_PRIORITY =
            List.of(CommandType.CANCEL, CommandType.REPLACE, CommandType.NEW);

    private final int schemaVersion;
    private final List<InstrumentSpec> instruments;
    private final RiskLimits risk;
    private final RateLimit rateLimit;
    private final List<MergeSource> mergeOrder;
    private final List<CommandType> commandPriority;
    private final DecisionTrigger decisionTrigger;
    private final StrategyConfig strategy;
    private final long checkpointInterval;
    private final VenueModel venue;
    private final SyntheticMarketModel syntheticMarket;
    private final String canonicalJson;
    private final String fingerprint;
    /** commandRank[type.code()] = position of the type in commandPriority (0 = first). */
    private final int[] commandRank;

    CoreConfiguration(int schemaVersion, List<InstrumentSpec> instruments, RiskLimits risk, RateLimit rateLimit,
                      List<MergeSource> mergeOrder, List<CommandType> commandPriority, DecisionTrigger decisionTrigger,
                      StrategyConfig strategy, long checkpointInterval, VenueModel venue,
                      SyntheticMarketModel syntheticMarket) {
        this.schemaVersion = schemaVersion;
        this.instruments = List.copyOf(instruments);
        this.risk = risk;
        this.rateLimit = rateLimit;
        this.mergeOrder = List.copyOf(mergeOrder);
        this.commandPriority = List.copyOf(commandPriority);
        this.decisionTrigger = decisionTrigger;
        this.strategy = strategy;
        this.checkpointInterval = checkpointInterval;
        this.venue = venue;
        this.syntheticMarket = syntheticMarket;
        int[] rank = new int[CommandType.values().length];
        for (int i = 0; i < this.commandPriority.size(); i++) {
            rank[this.commandPriority.get(i).code()] = i;
        }
        this.commandRank = rank;
        try {
            this.canonicalJson = JsonCanonicalizer.canonicalize(resolvedJson());
        } catch (JsonCanonicalizationException e) {
            // Unreachable for a validated configuration: every integer is <= 2^53-1.
            throw new IllegalStateException("resolved configuration is not canonicalizable: " + e.getMessage(), e);
        }
        this.fingerprint = sha256Fingerprint(canonicalJson);
    }

    /**
     * Parses and validates configuration JSON against {@link StrategyCatalog#standard()}; {@code source}
     * names the input in error messages. Text of more than {@link #MAX_INPUT_BYTES} bytes of UTF-8 is
     * refused before it is parsed.
     */
    public static CoreConfiguration parse(String json, String source) {
        return parse(json, source, StrategyCatalog.standard());
    }

    /** Parses and validates configuration JSON; strategy ids resolve against {@code catalog}. */
    public static CoreConfiguration parse(String json, String source, StrategyCatalog catalog) {
        return ConfigurationParser.parse(json, source, Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * Reads, parses and validates a configuration file (UTF-8) against {@link StrategyCatalog#standard()}.
     * A file of more than {@link #MAX_INPUT_BYTES} bytes is refused by its size, before it is read.
     */
    public static CoreConfiguration load(Path file) {
        return load(file, StrategyCatalog.standard());
    }

    /** Reads, parses and validates a configuration file; strategy ids resolve against {@code catalog}. */
    public static CoreConfiguration load(Path file, StrategyCatalog catalog) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                throw new ConfigurationException(file.toString(), "$", "file of " + size + " bytes, more than the "
                        + MAX_INPUT_TEXT + " a configuration may have");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // Bounded: the file may have grown since, or be a pipe whose size reads as 0.
                bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
            }
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new ConfigurationException(file.toString(), "$", "file of more than " + MAX_INPUT_TEXT
                        + ", the most a configuration may have");
            }
            // A decoder from newDecoder() reports malformed input; it never replaces it.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), "$", "cannot read file: " + e);
        }
        return parse(text, file.toString(), catalog);
    }

    /** The configuration {@code {}} resolves to: every default. */
    public static CoreConfiguration defaults() {
        return parse("{}", "<defaults>");
    }

    /** Schema version of this configuration; default and current {@value #CURRENT_SCHEMA_VERSION}. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Instruments; the index is the instrument id events carry. Default: none. */
    public List<InstrumentSpec> instruments() {
        return instruments;
    }

    /** Risk limits; defaults in {@link RiskLimits#DEFAULT}. */
    public RiskLimits risk() {
        return risk;
    }

    /** Dispatch token bucket; defaults in {@link RateLimit#DEFAULT}. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Merge rank of sources at equal timestamps; default {@link #DEFAULT_MERGE_ORDER}. */
    public List<MergeSource> mergeOrder() {
        return mergeOrder;
    }

    /** Dispatch order by command type; default {@link #DEFAULT_COMMAND_PRIORITY}. */
    public List<CommandType> commandPriority() {
        return commandPriority;
    }

    /** Rank of a command type in {@link #commandPriority()}, 0 first. Allocation-free. */
    public int commandRank(CommandType type) {
        return commandRank[type.code()];
    }

    /** When the Strategy runs; default every market, execution and Control-Time event. */
    public DecisionTrigger decisionTrigger() {
        return decisionTrigger;
    }

    /** Strategy id and resolved parameters; default {@code none}. */
    public StrategyConfig strategy() {
        return strategy;
    }

    /** Full State digest every this many positions in golden logs; default {@value #DEFAULT_CHECKPOINT_INTERVAL}. */
    public long checkpointInterval() {
        return checkpointInterval;
    }

    /** The synthetic market a run without a dataset uses; defaults in {@link SyntheticMarketModel#DEFAULT}. */
    public SyntheticMarketModel syntheticMarket() {
        return syntheticMarket;
    }

    /** Simulated venue parameters; defaults in {@link VenueModel#DEFAULT}. */
    public VenueModel venue() {
        return venue;
    }

    /** The RFC 8785 canonical JSON of {@link #resolvedJson()}. */
    public String canonicalJson() {
        return canonicalJson;
    }

    /** {@code sha256:} + lowercase hex SHA-256 of {@link #canonicalJson()} (SPEC §10). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The fully resolved configuration as a JSON tree: every field present, every default materialized. */
    public ObjectNode resolvedJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schemaVersion", schemaVersion);
        ArrayNode ins = root.putArray("instruments");
        for (InstrumentSpec i : instruments) {
            ObjectNode o = ins.addObject();
            o.put("symbol", i.symbol());
            o.put("tickSize", i.tickSize().toPlainString());
            o.put("lotSize", i.lotSize().toPlainString());
        }
        ObjectNode r = root.putObject("risk");
        r.put("maxOrderQtyLots", risk.maxOrderQtyLots());
        r.put("maxPositionLots", risk.maxPositionLots());
        r.put("maxOpenOrders", risk.maxOpenOrders());
        r.put("priceBandTicks", risk.priceBandTicks());
        ObjectNode rl = root.putObject("rateLimit");
        rl.put("capacity", rateLimit.capacity());
        rl.put("refillPerSecond", rateLimit.refillPerSecond());
        ArrayNode mo = root.putArray("mergeOrder");
        mergeOrder.forEach(m -> mo.add(m.name()));
        ArrayNode cp = root.putArray("commandPriority");
        commandPriority.forEach(c -> cp.add(c.name()));
        ObjectNode dt = root.putObject("decisionTrigger");
        ArrayNode et = dt.putArray("eventTypes");
        for (EventType t : EventType.values()) { // enum order: stable regardless of input order
            if (decisionTrigger.triggers(t)) {
                et.add(t.name());
            }
        }
        dt.put("everyNth", decisionTrigger.everyNth());
        ObjectNode st = root.putObject("strategy");
        st.put("id", strategy.id());
        st.put("version", strategy.version());
        ObjectNode sp = st.putObject("parameters");
        for (ParameterSpec spec : strategy.provider().parameters()) {
            long value = strategy.parameters().integer(spec.name());
            if (spec.type() == ParameterType.BOOLEAN) {
                sp.put(spec.name(), value != 0);
            } else {
                sp.put(spec.name(), value);
            }
        }
        if (strategy.provider().takesScript()) {
            ArrayNode script = st.putArray("script");
            for (ScriptItem i : strategy.parameters().script()) {
                InstrumentSpec spec = instruments.get(i.instrument());
                ObjectNode item = script.addObject();
                item.put("atNs", Long.toString(i.atNs())); // a string: nanosecond times exceed 2^53
                item.put("intent", i.type().name());
                item.put("key", i.key());
                item.put("instrument", i.instrument());
                item.put("side", i.side().name());
                if (i.type() != CommandType.CANCEL) { // the fields an item of its type may have, and no others
                    item.put("price", plain(spec.tickSize().multiply(BigDecimal.valueOf(i.priceTicks()))));
                    item.put("qty", plain(spec.lotSize().multiply(BigDecimal.valueOf(i.qtyLots()))));
                }
                if (i.type() == CommandType.NEW) {
                    item.put("tif", i.timeInForce().name());
                }
            }
        }
        root.put("checkpointInterval", checkpointInterval);
        ObjectNode v = root.putObject("venue");
        v.put("entryLatencyNs", venue.entryLatencyNs());
        v.put("responseLatencyNs", venue.responseLatencyNs());
        v.put("feedLeadNs", venue.feedLeadNs());
        v.put("timeline", venue.timeline().name());
        v.put("clockOffsetNs", venue.clockOffsetNs());
        v.put("gtcRemainder", venue.gtcRemainder().name());
        ObjectNode sm = root.putObject("syntheticMarket");
        sm.put("seed", syntheticMarket.seed());
        sm.put("events", syntheticMarket.events());
        sm.put("instrument", syntheticMarket.instrument());
        sm.put("midTicks", syntheticMarket.midTicks());
        return root;
    }

    /** The resolved configuration as canonical JSON text (same as {@link #canonicalJson()}). */
    @Override
    public String toString() {
        return canonicalJson;
    }

    /** Equal when the fingerprints are equal: same meaning. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CoreConfiguration c && c.fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    static String sha256Fingerprint(String canonical) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
