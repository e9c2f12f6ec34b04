package io.tradingchassis.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: its place in the grid, the full configuration JSON (the base with the point's values
 * set), the dataset (a declared {@code sha256:} id and a path, or none for the configuration's synthetic
 * market) and the axis values that made it (for the output's columns). Crosses to Spark's executors as a
 * JSON string (plain Java serialization of a {@code String}).
 */
public record RunSpec(int index, String configJson, String datasetId, String datasetPath,
                      Map<String, String> axisValues) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** True when the run reads the configuration's synthetic market. */
    public boolean synthetic() {
        return datasetPath == null;
    }

    /** The spec as one JSON string. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("index", index);
        n.put("config", configJson);
        n.put("datasetId", datasetId);
        n.put("datasetPath", datasetPath);
        ObjectNode axes = n.putObject("axes");
        axisValues.forEach(axes::put);
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The spec from {@link #toJson()}. */
    public static RunSpec fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            Map<String, String> axes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.get("axes").properties()) {
                axes.put(e.getKey(), e.getValue().asText());
            }
            return new RunSpec(n.get("index").asInt(), n.get("config").asText(), text(n, "datasetId"),
                    text(n, "datasetPath"), axes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run spec: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
