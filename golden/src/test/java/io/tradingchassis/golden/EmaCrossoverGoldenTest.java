package io.tradingchassis.golden;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.golden.junit.Golden;
import io.tradingchassis.golden.junit.GoldenRun;
import io.tradingchassis.golden.junit.GoldenTest;
import java.io.IOException;

/**
 * {@code @GoldenTest} on core's example user strategy, the EMA-crossover taker ({@code ema-crossover},
 * found by ServiceLoader from core's test-jar): this strategy, on this data, with this configuration,
 * produces the approved golden {@code src/test/resources/golden/ema-crossover-synthetic.tcgl.yaml}. A
 * change to the strategy, the core, the runtime or the venue that changes what it does fails here with
 * the first divergent position, and writes {@code ema-crossover-synthetic.received.tcgl.yaml} beside it.
 */
class EmaCrossoverGoldenTest {
    static final String CONFIG = """
            {
              "instruments": [{"symbol": "BTCUSDT", "tickSize": "0.1", "lotSize": "0.001"}],
              "strategy": {"id": "ema-crossover", "parameters": {"fastPeriod": 4, "slowPeriod": 16, "maxPositionLots": 3}},
              "syntheticMarket": {"seed": 7, "events": 600}
            }""";

    @GoldenTest("ema-crossover-synthetic")
    void theExampleStrategyOnTheSyntheticMarket(Golden golden) throws IOException {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG, "ema-crossover-synthetic.json");
        golden.verify(GoldenRun.synthetic(cfg));
    }
}
