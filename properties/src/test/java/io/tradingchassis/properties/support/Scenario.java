package io.tradingchassis.properties.support;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One generated example: a configuration (its JSON and the catalog it was parsed with) and a valid
 * event stream for it, in processing order (entry i is position i). Its {@code toString} is short
 * (counts by type and the configuration), because QuickTheories prints the smallest failing value.
 *
 * @param configJson the configuration as given to the parser
 * @param catalog    the strategy catalog it parses against (built-ins plus the suite's test strategies)
 * @param events     the stream
 */
public record Scenario(String configJson, StrategyCatalog catalog, List<Event> events) {

    /** The stream's configuration. */
    public CoreConfiguration configuration() {
        return CoreConfiguration.parse(configJson, "scenario", catalog);
    }

    /** Number of entries. */
    public int size() {
        return events.size();
    }

    @Override
    public String toString() {
        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        for (Event e : events) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        return "Scenario{" + events.size() + " entries " + counts + ", config=" + configJson + "}";
    }
}
