package io.tradingchassis.replay.cli;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What {@code tc backtest} and {@code tc record} run on: the configuration, and the market (a dataset, or
 * the configuration's seeded synthetic market) read twice — once for the runtime, once as the simulated
 * venue's own feed — with the dataset's id. Bad input is a {@link UserInputException} naming the file.
 */
final class RunInputs implements AutoCloseable {
    final CoreConfiguration configuration;
    final String datasetId;
    /** Market events the run will read (for progress). */
    final long total;
    private final InputSource market;
    private final InputSource feed;
    private final DatasetInput a;
    private final DatasetInput b;

    private RunInputs(CoreConfiguration configuration, String datasetId, long total, InputSource market,
                      InputSource feed, DatasetInput a, DatasetInput b) {
        this.configuration = configuration;
        this.datasetId = datasetId;
        this.total = total;
        this.market = market;
        this.feed = feed;
        this.a = a;
        this.b = b;
    }

    /** Loads {@code config} and opens {@code data} (null: the synthetic market). */
    static RunInputs open(Path config, Path data) throws IOException {
        if (!Files.isRegularFile(config)) {
            throw new UserInputException(config + ": no such configuration file");
        }
        CoreConfiguration cfg = CoreConfiguration.load(config);
        if (cfg.instruments().isEmpty()) {
            throw new UserInputException(config + ": $.instruments: a run needs at least one instrument");
        }
        if (data == null) {
            SyntheticMarketModel sm = cfg.syntheticMarket();
            // the venue's own copy: same seed, same rows
            return new RunInputs(cfg, Recording.syntheticId(sm), sm.events(), SyntheticMarket.of(sm),
                    SyntheticMarket.of(sm), null, null);
        }
        DatasetInput a = null;
        try {
            String id = Dataset.id(data);
            a = DatasetInput.open(data, cfg);
            DatasetInput b = DatasetInput.open(data, cfg); // the venue's own reader of the same data
            return new RunInputs(cfg, id, a.eventCount(), a, b, a, b);
        } catch (NoSuchFileException e) {
            throw new UserInputException(data + ": no such dataset");
        } catch (DatasetFormatException | IllegalArgumentException e) {
            if (a != null) {
                a.close();
            }
            throw new UserInputException(e.getMessage());
        }
    }

    /** The backtest against the simulated venue, as {@code tc backtest} runs it. */
    Backtest backtest() {
        return Backtest.simulated(configuration, market, datasetId, feed);
    }

    @Override
    public void close() throws IOException {
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }
}
