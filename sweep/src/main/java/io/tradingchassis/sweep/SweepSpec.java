package io.tradingchassis.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.config.ConfigurationException;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.runtime.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code SWEEP.json}:
 *
 * <pre>
 * {
 *   "base": "local.json",                     (a path, relative to SWEEP.json's folder, or an inline object)
 *   "axes": { "strategy.parameters.halfSpreadTicks": [1, 2, 3], "syntheticMarket.seed": [1, 2] },
 *   "runs": [ { "strategy.parameters.halfSpreadTicks": 1 }, ... ],     (instead of "axes")
 *   "datasets": "synthetic" | [ { "id": "sha256:...", "path": "day1.tcds" }, ... ]
 * }
 * </pre>
 *
 * <p>The grid is datasets (outer, in the order given) × the cross product of the axes (in the order
 * given, the last axis varying fastest); with {@code runs}, datasets × runs. Every point's configuration is
 * validated here, on the driver, so a bad value fails the sweep before Spark starts, with the JSON path.
 */
public final class SweepSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("base", "axes", "runs", "datasets");

    private final String source;
    private final List<String> axes;
    private final List<RunSpec> runs;

    private SweepSpec(String source, List<String> axes, List<RunSpec> runs) {
        this.source = source;
        this.axes = List.copyOf(axes);
        this.runs = List.copyOf(runs);
    }

    /** Reads {@code file}; a relative base or dataset path resolves against its folder. */
    public static SweepSpec load(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return parse(Files.readString(file), file.toString(), dir);
    }

    /** Parses {@code json} (named {@code source} in errors); relative paths resolve against {@code dir}. */
    public static SweepSpec parse(String json, String source, Path dir) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SweepSpecException(source, "$", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SweepSpecException(source, "$", "expected an object");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!KEYS.contains(e.getKey())) {
                throw new SweepSpecException(source, "$." + e.getKey(), "unknown key; allowed here: "
                        + "[axes, base, datasets, runs]");
            }
        }
        ObjectNode base = base(root.get("base"), source, dir);
        List<Map<String, JsonNode>> points = new ArrayList<>();
        List<String> axisNames = new ArrayList<>();
        JsonNode axesNode = root.get("axes");
        JsonNode runsNode = root.get("runs");
        if ((axesNode == null) == (runsNode == null)) {
            throw new SweepSpecException(source, "$", "give exactly one of \"axes\" and \"runs\"");
        }
        if (axesNode != null) {
            cross(axesNode, source, axisNames, points);
        } else {
            runs(runsNode, source, axisNames, points);
        }
        List<String[]> datasets = datasets(root.get("datasets"), source, dir);
        List<RunSpec> out = new ArrayList<>();
        int index = 0;
        for (int d = 0; d < datasets.size(); d++) {
            String[] ds = datasets.get(d);
            for (int p = 0; p < points.size(); p++) {
                Map<String, JsonNode> point = points.get(p);
                ObjectNode cfg = base.deepCopy();
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : point.entrySet()) {
                    set(cfg, e.getKey(), e.getValue(), source, pointPath(axesNode != null, p, e.getKey()));
                    values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
                }
                String cfgJson = cfg.toString();
                String where = ds[0] == null ? "synthetic market" : "dataset " + ds[0];
                try {
                    CoreConfiguration.parse(cfgJson, source + " run " + index + " (" + where + ", " + values + ")");
                } catch (ConfigurationException e) {
                    throw new SweepSpecException(source, axesNode != null ? "$.axes" : "$.runs[" + p + "]",
                            e.getMessage());
                }
                out.add(new RunSpec(index++, cfgJson, ds[0], ds[1], values));
            }
        }
        return new SweepSpec(source, axisNames, out);
    }

    private static String pointPath(boolean axes, int p, String key) {
        return axes ? "$.axes[\"" + key + "\"]" : "$.runs[" + p + "][\"" + key + "\"]";
    }

    private static ObjectNode base(JsonNode n, String source, Path dir) {
        if (n == null) {
            throw new SweepSpecException(source, "$.base", "missing: a configuration file path or object");
        }
        if (n.isObject()) {
            return (ObjectNode) n;
        }
        if (!n.isTextual()) {
            throw new SweepSpecException(source, "$.base", "expected a configuration file path or object");
        }
        Path p = dir.resolve(n.asText());
        try {
            JsonNode cfg = JSON.readTree(Files.readString(p));
            if (cfg == null || !cfg.isObject()) {
                throw new SweepSpecException(source, "$.base", p + ": not a JSON object");
            }
            return (ObjectNode) cfg;
        } catch (JsonProcessingException e) {
            throw new SweepSpecException(source, "$.base", p + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SweepSpecException(source, "$.base", p + ": cannot read: " + e.getMessage());
        }
    }

    private static void cross(JsonNode axes, String source, List<String> names, List<Map<String, JsonNode>> out) {
        if (!axes.isObject() || axes.isEmpty()) {
            throw new SweepSpecException(source, "$.axes", "expected an object of configuration path to values");
        }
        List<List<JsonNode>> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : axes.properties()) {
            String at = "$.axes[\"" + e.getKey() + "\"]";
            checkPath(e.getKey(), source, at);
            JsonNode v = e.getValue();
            if (!v.isArray() || v.isEmpty()) {
                throw new SweepSpecException(source, at, "expected a non-empty list of values");
            }
            List<JsonNode> list = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isContainerNode() || v.get(i).isNull()) {
                    throw new SweepSpecException(source, at + "[" + i + "]", "expected a number, string or boolean");
                }
                list.add(v.get(i));
            }
            names.add(e.getKey());
            values.add(list);
        }
        int[] at = new int[values.size()];
        while (true) {
            Map<String, JsonNode> point = new LinkedHashMap<>();
            for (int a = 0; a < at.length; a++) {
                point.put(names.get(a), values.get(a).get(at[a]));
            }
            out.add(point);
            int a = at.length - 1;
            while (a >= 0 && ++at[a] == values.get(a).size()) {
                at[a] = 0;
                a--;
            }
            if (a < 0) {
                return;
            }
        }
    }

    private static void runs(JsonNode runs, String source, List<String> names, List<Map<String, JsonNode>> out) {
        if (!runs.isArray() || runs.isEmpty()) {
            throw new SweepSpecException(source, "$.runs", "expected a non-empty list of objects");
        }
        for (int i = 0; i < runs.size(); i++) {
            JsonNode r = runs.get(i);
            if (!r.isObject()) {
                throw new SweepSpecException(source, "$.runs[" + i + "]", "expected an object of configuration path to value");
            }
            Map<String, JsonNode> point = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : r.properties()) {
                checkPath(e.getKey(), source, "$.runs[" + i + "][\"" + e.getKey() + "\"]");
                if (!names.contains(e.getKey())) {
                    names.add(e.getKey());
                }
                point.put(e.getKey(), e.getValue());
            }
            out.add(point);
        }
    }

    private static void checkPath(String path, String source, String at) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new SweepSpecException(source, at, "not a configuration path (names joined by '.')");
        }
    }

    /** Sets {@code value} at the dotted {@code path} of {@code cfg}, creating missing objects on the way. */
    private static void set(ObjectNode cfg, String path, JsonNode value, String source, String at) {
        String[] parts = path.split("\\.");
        ObjectNode o = cfg;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = o.get(parts[i]);
            if (next == null) {
                next = o.putObject(parts[i]);
            } else if (!next.isObject()) {
                throw new SweepSpecException(source, at, "the base configuration's "
                        + String.join(".", List.of(parts).subList(0, i + 1)) + " is not an object");
            }
            o = (ObjectNode) next;
        }
        o.set(parts[parts.length - 1], value);
    }

    private static List<String[]> datasets(JsonNode n, String source, Path dir) {
        List<String[]> out = new ArrayList<>();
        if (n == null || (n.isTextual() && n.asText().equals("synthetic"))) {
            out.add(new String[] {null, null});
            return out;
        }
        if (!n.isArray() || n.isEmpty()) {
            throw new SweepSpecException(source, "$.datasets", "expected \"synthetic\" or a non-empty list of "
                    + "{\"id\": \"sha256:...\", \"path\": ...}");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode d = n.get(i);
            String at = "$.datasets[" + i + "]";
            if (d.isTextual() && d.asText().equals("synthetic")) {
                out.add(new String[] {null, null});
                continue;
            }
            if (!d.isObject() || !d.path("id").isTextual() || !d.path("path").isTextual()) {
                throw new SweepSpecException(source, at, "expected {\"id\": \"sha256:...\", \"path\": ...} or \"synthetic\"");
            }
            String id = d.get("id").asText();
            if (!id.startsWith(Dataset.ID_PREFIX) || !id.substring(Dataset.ID_PREFIX.length()).matches("[0-9a-f]{64}")) {
                throw new SweepSpecException(source, at + ".id", "expected sha256: and 64 lower-case hex digits");
            }
            out.add(new String[] {id, dir.resolve(d.get("path").asText()).toString()});
        }
        return out;
    }

    /** The file (or name) the spec came from. */
    public String source() {
        return source;
    }

    /** The axes (configuration paths), in the order given. */
    public List<String> axes() {
        return axes;
    }

    /** Every run, in grid order. */
    public List<RunSpec> runs() {
        return runs;
    }
}
