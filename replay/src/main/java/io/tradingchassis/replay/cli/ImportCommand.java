package io.tradingchassis.replay.cli;

import io.tradingchassis.runtime.binance.BinanceImport;
import io.tradingchassis.runtime.binance.BinanceImportException;
import io.tradingchassis.runtime.binance.BinanceImportOptions;
import io.tradingchassis.runtime.binance.BinanceImportReport;
import io.tradingchassis.runtime.binance.BinanceMarket;
import io.tradingchassis.runtime.binance.ImportProgress;
import io.tradingchassis.runtime.binance.InstrumentSizes;
import io.tradingchassis.runtime.dataset.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tc import}: market-data recordings into datasets (SPEC §12). Bad input is one line
 * {@code tc: <file>:<line>: <what is wrong>} and exit code {@value TcCommand#EXIT_INPUT}; a dataset or
 * report that cannot be written is exit code {@value TcCommand#EXIT_OUTPUT}. Nothing is left at the
 * dataset path unless the whole import succeeded.
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = TcCommand.Version.class,
        description = "Import market-data recordings into a dataset: an immutable file of events, identified by "
                + "the SHA-256 of its bytes.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        subcommands = {ImportCommand.Binance.class},
        footerHeading = "%n",
        footer = {"Run 'tc import <command> --help' for details.",
                "",
                "Examples:",
                "  tc import binance usdm-btcusdt_20240808.gz --symbol BTCUSDT --futures \\",
                "      --out btc.tcds"})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** No subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code tc import binance FILE... --symbol S [--futures] --out DATASET ...}. */
    @Command(name = "binance",
            mixinStandardHelpOptions = true,
            versionProvider = TcCommand.Version.class,
            sortOptions = false,
            description = {"Import gzipped Binance WebSocket recordings (one '<local_receive_ns> <JSON>' per line: "
                    + "depth diffs, trades, bookTicker and one REST depth snapshot) into a dataset.",
                    "The L2 book is rebuilt by Binance's snapshot/diff procedure; every break of the update-id chain "
                            + "is a FeedGap event. Prices and quantities become integer ticks and lots exactly: a "
                            + "value off the tick/lot grid is an error naming the file and line.",
                    "Several files are one stream, in the order given: a file without a snapshot continues the "
                            + "book and the chain of the one before.",
                    "Prints a summary (message counts, diffs applied and dropped, gaps, final best bid and ask, "
                            + "clockOffsetNs, the dataset id) on standard output; --report-json writes it as JSON.",
                    "The rules are in runtime/README.md, \"Binance import\"."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {TcCommand.EXIT_LINE_OK,
                    "2:invalid input (missing or truncated file, malformed line, off-grid price or quantity, "
                            + "another symbol, no snapshot), bad options, or the dataset exists (see --force)",
                    TcCommand.EXIT_LINE_INTERNAL, TcCommand.EXIT_LINE_OUTPUT, TcCommand.EXIT_LINE_IO},
            footerHeading = "%n",
            footer = {"Built-in tick/lot sizes (other symbols need --tick-size and --lot-size):",
                    "  spot BTCUSDT 0.01/0.00001, spot ETHUSDT 0.01/0.0001, usdm BTCUSDT 0.10/0.001",
                    "The spot sample recordings in ../shared/data hold a few book quantities of an",
                    "older, finer lot size: import them with --lot-size 0.000001 (BTCUSDT) or",
                    "--lot-size 0.00001 (ETHUSDT).",
                    "",
                    "Examples:",
                    "  tc import binance usdm-btcusdt_20240808.gz --symbol BTCUSDT --futures \\",
                    "      --out btc-usdm.tcds",
                    "  tc import binance spot-btcusdt_20240808.gz spot-btcusdt_20240809.gz \\",
                    "      --symbol BTCUSDT --lot-size 0.000001 --out btc-spot.tcds \\",
                    "      --report-json btc-spot.json"})
    static final class Binance implements Callable<Integer> {

        /** Longest accepted --tick-size/--lot-size text. */
        private static final int MAX_SIZE_CHARS = 100;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "1..*", paramLabel = "FILE",
                description = "Gzipped recordings, in stream order.")
        List<String> files = new ArrayList<>();

        @Option(names = "--symbol", required = true, paramLabel = "SYMBOL",
                description = "The instrument, e.g. BTCUSDT (any case). A message of another symbol is an error.")
        String symbol;

        @Option(names = "--futures", description = "USD-M futures recordings (diffs chain by 'pu'); default spot.")
        boolean futures;

        @Option(names = "--out", required = true, paramLabel = "DATASET",
                description = "The dataset to write (customarily *" + Dataset.FILE_EXTENSION + "). Its directory "
                        + "is created if missing.")
        String out;

        @Option(names = "--report-json", paramLabel = "FILE",
                description = "Also write the report as JSON: depth, trade, bookTicker, snapshot, dropped, applied, "
                        + "gaps, best_bid, best_ask, clockOffsetNs.")
        String reportJson;

        @Option(names = "--tick-size", paramLabel = "DECIMAL",
                description = "Price of one tick, e.g. 0.01; default: the built-in size of the symbol.")
        String tickSize;

        @Option(names = "--lot-size", paramLabel = "DECIMAL",
                description = "Quantity of one lot, e.g. 0.00001; default: the built-in size of the symbol.")
        String lotSize;

        @Option(names = "--force", description = "Replace DATASET if it exists (datasets are immutable: by default "
                + "an existing one is never overwritten).")
        boolean force;

        @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
        boolean quiet;

        @Option(names = "--progress", description = "Progress on standard error even when it is not a terminal "
                + "(shown once the import has run a second).")
        boolean progress;

        @Override
        public Integer call() {
            BinanceMarket market = futures ? BinanceMarket.USDM : BinanceMarket.SPOT;
            String sym = symbol.toUpperCase(Locale.ROOT);
            InstrumentSizes known = InstrumentSizes.known(market, sym);
            BigDecimal tick = tickSize != null ? size("--tick-size", tickSize) : known == null ? null : known.tickSize();
            BigDecimal lot = lotSize != null ? size("--lot-size", lotSize) : known == null ? null : known.lotSize();
            if (tick == null || lot == null) {
                throw new UserInputException(market.id() + " " + sym + " has no built-in tick and lot size: give "
                        + (tick == null && lot == null ? "--tick-size and --lot-size"
                        : tick == null ? "--tick-size" : "--lot-size") + " (built in: "
                        + String.join(", ", InstrumentSizes.knownList()) + ")");
            }
            List<Path> paths = new ArrayList<>();
            for (String f : files) {
                paths.add(path(f, "recording"));
            }
            Path target = path(out, "--out");
            PrintWriter err = spec.commandLine().getErr();
            long startNs = System.nanoTime(); // wall clock: the summary's import time only, never the dataset
            BinanceImport.Result result;
            ProgressLine line = quiet ? null : new ProgressLine(err, progress || System.console() != null, startNs);
            BinanceImportOptions options;
            try {
                options = new BinanceImportOptions(paths, sym, market, new InstrumentSizes(tick, lot));
            } catch (BinanceImportException e) {
                throw new UserInputException(e.getMessage());
            }
            if (Files.isDirectory(target)) {
                throw new UserInputException(out + ": is a directory; --out names the dataset file to write");
            }
            createParent(target, out);
            Path report = reportJson == null ? null : path(reportJson, "--report-json");
            if (report != null) {
                if (Files.isDirectory(report)) {
                    throw new UserInputException(reportJson + ": is a directory; --report-json names the file to write");
                }
                createParent(report, reportJson); // before the import: fail before the work, not after
            }
            try {
                result = BinanceImport.run(options, target, force, line == null ? ImportProgress.NONE : line);
            } catch (BinanceImportException e) {
                throw new UserInputException(withOptionHint(e.getMessage()));
            } catch (FileAlreadyExistsException e) {
                throw new UserInputException(out + ": already exists; a dataset is never overwritten: choose another "
                        + "--out, or pass --force to replace it");
            } catch (IOException e) {
                throw new OutputFileException(out + ": cannot write the dataset: " + describe(e));
            } finally {
                if (line != null) {
                    line.clear();
                }
            }
            long elapsedNs = System.nanoTime() - startNs;
            if (report != null) {
                try {
                    Files.writeString(report, result.report().toJson(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new OutputFileException(reportJson + ": cannot write the report: " + describe(e)
                            + " (the dataset " + out + " was written)");
                }
            }
            summary(spec.commandLine().getOut(), result, paths.size(), elapsedNs);
            return TcCommand.EXIT_OK;
        }

        private void summary(PrintWriter o, BinanceImport.Result r, int fileCount, long elapsedNs) {
            BinanceImportReport rep = r.report();
            o.print("Imported " + fileCount + " recording" + (fileCount == 1 ? "" : "s") + " into " + out + "\n");
            o.print("  dataset        " + r.datasetId() + "\n");
            o.print("                 " + r.datasetBytes() + " bytes, " + r.header().eventCount() + " events\n");
            o.print("  instrument     " + r.header().venue() + " " + r.header().market() + " " + r.header().symbol()
                    + ", tick " + r.header().tickSize() + ", lot " + r.header().lotSize() + "\n");
            o.print("  messages       depth " + rep.depth() + ", trade " + rep.trade() + ", bookTicker "
                    + rep.bookTicker() + ", snapshot " + rep.snapshot() + "\n");
            o.print("  depth diffs    applied " + rep.applied() + ", dropped before sync " + rep.dropped() + ", gaps "
                    + rep.gaps() + (rep.gaps() > 0 ? " (the book is flagged untrusted from the first gap until a "
                    + "snapshot)" : "") + "\n");
            if (rep.nonMarketTrades() > 0) {
                o.print("  trades skipped " + rep.nonMarketTrades() + " (X not MARKET: insurance fund, ADL)\n");
            }
            o.print("  best bid       " + level(rep.bestBid()) + "\n");
            o.print("  best ask       " + level(rep.bestAsk()) + "\n");
            o.print("  clockOffsetNs  " + rep.clockOffsetNs() + " (max exchTsNs - localTsNs: the local clock reads "
                    + "that far behind the exchange's)\n");
            o.print(String.format(Locale.ROOT, "  import time    %.2f s of wall-clock time (not part of the dataset)\n",
                    elapsedNs / 1e9));
        }

        /** An off-grid message names the option that sets the grid. */
        private static String withOptionHint(String message) {
            if (message.contains(" is not a multiple of the tick size ")) {
                return message + "; set it with --tick-size";
            }
            if (message.contains(" is not a multiple of the lot size ")) {
                return message + "; set it with --lot-size";
            }
            return message;
        }

        private static String level(List<String> l) {
            return l == null ? "none (empty side)" : l.get(0) + ", quantity " + l.get(1);
        }

        /** A positive plain decimal: digits with an optional fraction. */
        private static BigDecimal size(String option, String text) {
            if (text.length() > MAX_SIZE_CHARS || !text.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
                throw new UserInputException(option + " \"" + clip(text) + "\": not a decimal number like 0.01");
            }
            BigDecimal v = new BigDecimal(text);
            if (v.signum() <= 0) {
                throw new UserInputException(option + " " + text + ": must be > 0");
            }
            return v;
        }

        private static Path path(String text, String what) {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new UserInputException(clip(text) + ": not a valid path for " + what + ": " + e.getReason());
            }
        }

        /** Creates the directory {@code file} goes into, if missing. */
        private static void createParent(Path file, String name) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                try {
                    Files.createDirectories(parent);
                } catch (IOException e) {
                    throw new OutputFileException(name + ": cannot create its directory " + parent + ": " + describe(e));
                }
            }
        }

        private static String describe(IOException e) {
            String kind = e.getClass().getSimpleName().replace("Exception", "");
            return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
        }

        private static String clip(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "… (" + s.length() + " characters)";
        }
    }

    /**
     * One progress line on standard error, redrawn in place, from the first report after a second of
     * import; {@link #clear()} removes it. Only drawn when {@code enabled} (a terminal, or --progress).
     */
    static final class ProgressLine implements ImportProgress {
        private static final long SHOW_AFTER_NS = 1_000_000_000L;
        private static final long REDRAW_EVERY_NS = 200_000_000L;

        private final PrintWriter err;
        private final boolean enabled;
        private final long startNs;
        private long lastDrawNs;
        private int drawnLength;

        ProgressLine(PrintWriter err, boolean enabled, long startNs) {
            this.err = err;
            this.enabled = enabled;
            this.startNs = startNs;
        }

        @Override
        public void onProgress(String file, long bytesRead, long bytesTotal) {
            long now = System.nanoTime();
            if (!enabled || now - startNs < SHOW_AFTER_NS || now - lastDrawNs < REDRAW_EVERY_NS) {
                return;
            }
            lastDrawNs = now;
            long percent = bytesTotal == 0 ? 100 : Math.min(100, bytesRead * 100 / bytesTotal);
            String name = Path.of(file).getFileName().toString();
            String text = String.format(Locale.ROOT, "tc import: %3d%% (%.1f of %.1f MB) %s", percent,
                    bytesRead / 1e6, bytesTotal / 1e6, name);
            err.print("\r" + text + " ".repeat(Math.max(0, drawnLength - text.length())));
            err.flush();
            drawnLength = text.length();
        }

        /** Erases the line if one was drawn. */
        void clear() {
            if (drawnLength > 0) {
                err.print("\r" + " ".repeat(drawnLength) + "\r");
                err.flush();
                drawnLength = 0;
            }
        }
    }
}
