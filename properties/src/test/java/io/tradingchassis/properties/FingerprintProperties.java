package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.ConfigurationException;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.json.JsonCanonicalizationException;
import io.tradingchassis.core.json.JsonCanonicalizer;
import io.tradingchassis.properties.gen.ConfigTrees;
import io.tradingchassis.properties.gen.Draw;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.replay.cli.TcCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * SPEC §10 fingerprint stability over generated configurations ({@link ConfigTrees}): spelling never
 * changes it, meaning always does, the canonical form is a fixed point, and the fingerprint is the
 * SHA-256 of what {@code tc config canonical} prints.
 */
class FingerprintProperties {

    /** A configuration tree and two independent spellings of it (one with defaults written out). */
    record Spellings(Map<String, Object> tree, String plain, String respelled) {
    }

    static Gen<Spellings> spellings() {
        return in -> {
            Map<String, Object> tree = ConfigTrees.configs().generate(in);
            String plain = ConfigTrees.render(in, tree);
            Map<String, Object> resolved = ConfigTrees.resolved(CoreConfiguration.parse(plain, "plain"));
            Map<String, Object> withDefaults = ConfigTrees.withDefaults(in, tree, resolved);
            return new Spellings(tree, plain, ConfigTrees.render(in, withDefaults));
        };
    }

    @Test
    void fingerprint_is_stable_under_key_order_whitespace_number_spelling_and_explicit_defaults() {
        String name = "fingerprint_is_stable_under_key_order_whitespace_number_spelling_and_explicit_defaults";
        Props.qt(name, 400).forAll(spellings()).checkAssert(s -> {
            CoreConfiguration a = CoreConfiguration.parse(s.plain(), "a");
            CoreConfiguration b = CoreConfiguration.parse(s.respelled(), "b");
            assertEquals(a.fingerprint(), b.fingerprint(), () -> "\n" + s.plain() + "\nvs\n" + s.respelled());
            assertEquals(a.canonicalJson(), b.canonicalJson());
        });
    }

    @Test
    void fingerprint_any_single_semantic_change_changes_it() {
        String name = "fingerprint_any_single_semantic_change_changes_it";
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        @SuppressWarnings("unchecked")
        Gen<String[]> g = in -> {
            Map<String, Object> tree = ConfigTrees.configs().generate(in);
            CoreConfiguration c = CoreConfiguration.parse(ConfigTrees.render(in, tree), "base");
            Map<String, Object> resolved = ConfigTrees.resolved(c);
            List<List<Object>> leaves = new ArrayList<>();
            leaves(resolved, new ArrayList<>(), leaves);
            List<Object> path = leaves.get(Draw.integer(in, 0, leaves.size() - 1));
            Map<String, Object> mutated = (Map<String, Object>) ConfigTrees.copy(resolved);
            String what = mutate(mutated, path);
            return new String[] {c.canonicalJson(), what == null ? null : ConfigTrees.render(in, mutated), path + " " + what};
        };
        Props.qt(name, 400).forAll(g).describedAs(x -> x[2] + "\n" + x[0] + "\n" + x[1]).checkAssert(x -> {
            if (x[1] == null) {
                refused.incrementAndGet(); // an identity path (schemaVersion, strategy id/version)
                return;
            }
            CoreConfiguration base = CoreConfiguration.parse(x[0], "base");
            CoreConfiguration other;
            try {
                other = CoreConfiguration.parse(x[1], "mutated");
            } catch (ConfigurationException e) {
                refused.incrementAndGet(); // the change left the rules (e.g. a lot size the script is not on)
                return;
            }
            changed.incrementAndGet();
            assertNotEquals(base.fingerprint(), other.fingerprint(), () -> "changed " + x[2]);
        });
        assertTrue(changed.get() > refused.get(), "semantic changes exercised: " + changed + ", skipped: " + refused);
    }

    @Test
    void fingerprint_canonical_form_is_idempotent() {
        String name = "fingerprint_canonical_form_is_idempotent";
        Props.qt(name, 400).forAll(spellings()).checkAssert(s -> {
            String c = CoreConfiguration.parse(s.respelled(), "r").canonicalJson();
            CoreConfiguration again = CoreConfiguration.parse(c, "canonical");
            assertEquals(c, again.canonicalJson(), "canonical(parse(canonical)) == canonical");
            try {
                assertEquals(c, JsonCanonicalizer.canonicalize(c), "RFC 8785 of the canonical form is itself");
            } catch (JsonCanonicalizationException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void fingerprint_equals_sha256_of_tc_config_canonical_output() {
        String name = "fingerprint_equals_sha256_of_tc_config_canonical_output";
        Props.qt(name, 100).forAll(spellings()).checkAssert(s -> {
            byte[] canonical = tc(s.respelled(), "config", "canonical", "--no-newline", "-");
            String printed = new String(tc(s.respelled(), "config", "fingerprint", "-"), StandardCharsets.UTF_8).trim();
            String fingerprint = CoreConfiguration.parse(s.plain(), "p").fingerprint();
            assertEquals(fingerprint, "sha256:" + sha256(canonical));
            assertEquals(fingerprint, printed);
        });
    }

    /** Runs {@code tc args} in-process with {@code stdin}; returns standard output's bytes (exit code 0 required). */
    static byte[] tc(String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        int code = TcCommand.run(out, new PrintWriter(err), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                args);
        out.flush();
        assertEquals(0, code, () -> "tc " + String.join(" ", args) + ": " + err);
        return bytes.toByteArray();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Paths of the leaves a change of meaning can target (enum lists count as one leaf). */
    @SuppressWarnings("unchecked")
    static void leaves(Object node, List<Object> path, List<List<Object>> out) {
        String key = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                leaves(e.getValue(), p, out);
            }
        } else if (node instanceof List<?> l && !List.of("mergeOrder", "commandPriority", "eventTypes").contains(key)) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                leaves(l.get(i), p, out);
            }
        } else {
            out.add(path);
        }
    }

    /** Changes the value at {@code path} to another valid-looking value; returns what it did, or null for identity paths. */
    @SuppressWarnings("unchecked")
    static String mutate(Map<String, Object> root, List<Object> path) {
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            parent = k instanceof Integer idx ? ((List<Object>) parent).get(idx) : ((Map<String, Object>) parent).get(k);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            return null; // array elements are reached through their fields
        }
        Map<String, Object> m = (Map<String, Object>) parent;
        String key = (String) last;
        Object v = m.get(key);
        String joined = path.toString();
        if (key.equals("schemaVersion") || joined.equals("[strategy, id]") || joined.equals("[strategy, version]")
                || key.equals("intent")) {
            return null;
        }
        Object nv;
        if (v instanceof Long n) {
            nv = n + 1;
        } else if (v instanceof Boolean b) {
            nv = !b;
        } else if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l);
            if (key.equals("eventTypes")) {
                if (c.isEmpty()) {
                    c.add("TRADE");
                } else {
                    c.remove(0);
                }
            } else {
                Object first = c.get(0);
                c.set(0, c.get(1));
                c.set(1, first);
            }
            nv = c;
        } else {
            String s = (String) v;
            nv = switch (key) {
                case "timeline" -> s.equals("LOCAL") ? "EXCHANGE" : "LOCAL";
                case "gtcRemainder" -> s.equals("REST") ? "FILL_AT_LIMIT" : "REST";
                case "side" -> s.equals("BUY") ? "SELL" : "BUY";
                case "tif" -> s.equals("GTC") ? "IOC" : "GTC";
                case "tickSize", "lotSize", "price", "qty" -> new BigDecimal(s).multiply(BigDecimal.valueOf(2))
                        .stripTrailingZeros().toPlainString();
                case "atNs" -> String.valueOf(Long.parseLong(s) + 1);
                default -> s + "X";
            };
        }
        m.put(key, nv);
        return key + ": " + v + " -> " + nv;
    }
}
