#!/usr/bin/env python3
"""Turns the JMH and latency output of bench/run.sh into bench/results/<date>-<commit>.json, prints every
figure against its target and the previous committed result, and exits 1 when a gated figure misses its
target or a ratio regresses by more than 10 %. Reads $WORK (the run's output directory) and $COMMIT."""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

WORK = os.environ["WORK"]
COMMIT = os.environ["COMMIT"]
REAL_DAYS = ["spot-btcusdt_20240808", "usdm-btcusdt_20240808"]
STREAMS = ["synthetic"] + REAL_DAYS
STRATEGIES = ["none", "market-maker", "momentum-taker"]
RATIO_TARGET = 0.45          # fold throughput / primitive-book loop throughput, same run
EVENTS_PER_S_TARGET = 25e6   # core fold, market maker, real day
P99_TARGET_NS = 1000
ALLOC_TARGET = 0.1           # B/op for a market event step ("0 B/op"; JMH prints about 1e-3)
REGRESSION = 0.10
RECORD_TARGET = 20e6         # events/s, record (fold + golden log)
REPLAY_TARGET = 15e6         # events/s, replay-verify
REPLAY_VS_FOLD_TARGET = 0.5  # replay-verify throughput / plain fold throughput, same run
REPLAY_VS_JACKSON_TARGET = 7.0
BYTES_PER_ENTRY_TARGET = 24
HFTBACKTEST_ROWS_PER_S = 4.8e6  # the figure for hftbacktest 2.4.4 with a market maker, that day


def load(path):
    with open(path) as f:
        return json.load(f)


def short(bench):
    return bench.rsplit(".", 2)[-2] + "." + bench.rsplit(".", 1)[-1]


def index(runs):
    out = {}
    for r in runs:
        p = r.get("params", {})
        key = (short(r["benchmark"]), p.get("stream"), p.get("strategy"))
        sec = r.get("secondaryMetrics", {})
        cpu = sec.get("cpu.time.norm", {})
        raw = cpu.get("rawData") or r["primaryMetric"]["rawData"]
        forks = [sum(it) / len(it) for it in raw if it]
        out[key] = {"wall": r["primaryMetric"]["score"], "ns": cpu.get("score", r["primaryMetric"]["score"]),
                    "forks": forks, "bytes": sec.get("gc.alloc.rate.norm", {}).get("score")}
    return out


fold_runs = load(os.path.join(WORK, "fold.json"))
step_runs = load(os.path.join(WORK, "step.json"))
fold = index(fold_runs)
step = index(step_runs)
# The gated figures come from the two-fork run of the same benchmarks (fold and baseline in one run).
fold.update(index(load(os.path.join(WORK, "forks.json"))))
first = fold_runs[0]
jdk = "%s %s (%s)" % (first.get("vmName"), first.get("vmVersion"), first.get("jdkVersion"))
try:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    fields = dict(l.split(":", 1) for l in lscpu.splitlines() if ":" in l)
    cpu = "%s, %s CPU(s)" % (fields.get("Model name", "?").strip(), fields.get("CPU(s)", "?").strip())
except OSError:
    cpu = "unknown"

figures = []


def figure(name, value, unit, target=None, better=None, gated=False, baseline=None, kind="absolute", note=None):
    f = {"name": name, "value": round(value, 4), "unit": unit, "kind": kind, "gated": gated}
    if target is not None:
        f["target"] = target
        f["meetsTarget"] = value >= target if better == "higher" else value <= target
    if baseline is not None:
        f["baseline"] = baseline
    if note:
        f["note"] = note
    figures.append(f)


for stream in STREAMS:
    base = fold[("FoldBaselineBench.primitiveBook", stream, None)]
    read = fold[("FoldBaselineBench.readOnly", stream, None)]
    figure("baseline.%s.readOnly.cpuNsPerEvent" % stream, read["ns"], "ns/event")
    figure("baseline.%s.primitiveBook.cpuNsPerEvent" % stream, base["ns"], "ns/event")
    figure("baseline.%s.primitiveBook.wallNsPerEvent" % stream, base["wall"], "ns/event")
    for strategy in STRATEGIES:
        r = fold[("FoldBench.fold", stream, strategy)]
        real_mm = stream in REAL_DAYS and strategy == "market-maker"
        pre = "fold.%s.%s" % (stream, strategy)
        figure(pre + ".cpuNsPerEvent", r["ns"], "ns/event")
        figure(pre + ".wallNsPerEvent", r["wall"], "ns/event")
        figure(pre + ".eventsPerCpuSecond", 1e9 / r["ns"], "events/s",
               target=EVENTS_PER_S_TARGET if real_mm else None, better="higher",
               note="absolute, machine-dependent: reported, not gated" if real_mm else None)
        figure(pre + ".eventsPerSecond", 1e9 / r["wall"], "events/s", note="wall clock")
        figure(pre + ".vsPrimitiveBook", base["ns"] / r["ns"], "ratio", kind="ratio",
               target=RATIO_TARGET if real_mm else None, better="higher", gated=real_mm,
               baseline={"name": "FoldBaselineBench.primitiveBook", "cpuNsPerEvent": round(base["ns"], 3)},
               note="primitive-book CPU ns/event / fold CPU ns/event, same JMH run")
        figure(pre + ".vsPrimitiveBookWall", base["wall"] / r["wall"], "ratio",
               note="the same ratio in wall clock (not gated: a shared machine's waits distort it)")
        figure(pre + ".bytesPerEvent", r["bytes"] or 0.0, "B/event",
               note="includes a fresh State and the day's BookSnapshot at every pass")
        if len(r["forks"]) > 1:
            spread = (max(r["forks"]) - min(r["forks"])) / (sum(r["forks"]) / len(r["forks"]))
            figure(pre + ".forkSpread", spread, "fraction",
                   note="(max - min) / mean of the per-fork mean CPU ns/event")

for (bench, _, strategy), r in sorted(step.items()):
    name = bench.split(".")[1]
    if name == "baselineReadOnly":
        continue
    pre = "step.%s.%s" % (name, strategy)
    market = name in ("bookDelta", "trade", "bbo")
    jmh_bytes = step[("StepBench.baselineReadOnly", None, strategy)]["bytes"] or 0.0
    figure(pre + ".cpuNsPerOp", r["ns"], "ns/op")
    figure(pre + ".wallNsPerOp", r["wall"], "ns/op")
    figure(pre + ".bytesPerOp", (r["bytes"] or 0.0) - jmh_bytes, "B/op", target=ALLOC_TARGET if market else None,
           better="lower", gated=market,
           baseline={"name": "StepBench.baselineReadOnly", "bytesPerOp": round(jmh_bytes, 4)},
           note="minus what JMH's single-shot iteration allocates (the baseline's B/op)"
           + ("" if market else ("; includes the ControlTime event the bench builds" if name == "controlTime"
                                 else "; includes restarting the cycle on a fresh engine and State")))

for day in REAL_DAYS:
    path = os.path.join(WORK, "latency-%s.json" % day)
    if not os.path.exists(path):
        continue
    lat = load(path)
    pre = "latency.%s.market-maker" % day
    for k in ("p50Ns", "p99Ns", "p999Ns", "maxNs"):
        figure(pre + "." + k[:-2], lat[k], "ns", target=P99_TARGET_NS if k == "p99Ns" else None,
               better="lower", note="wall clock incl. two nanoTime reads (timer p50 %d ns); not gated"
               % lat["timerP50Ns"] if k == "p99Ns" else None)

# Golden logs (GoldenLogBench: the USD-M day, strategy none, one whole pass per operation).
golden_path = os.path.join(WORK, "golden.json")
day_events = None
if os.path.exists(golden_path):
    golden = index(load(golden_path))
    with open(os.path.join(WORK, "golden.log")) as f:
        m = re.search(r"(\d+) events; golden log (\d+) bytes .*JSON lines (\d+) bytes", f.read())
    day_events, log_bytes, json_bytes = int(m.group(1)), int(m.group(2)), int(m.group(3))
    g = {k[0].split(".")[1]: v for k, v in golden.items()}
    pre = "golden.usdm-btcusdt_20240808"
    for name in ("fold", "record", "decodeOnly", "replayVerify", "jacksonWrite", "jacksonRead"):
        figure("%s.%s.cpuNsPerEvent" % (pre, name), g[name]["ns"] / day_events, "ns/event")
        figure("%s.%s.eventsPerCpuSecond" % (pre, name), day_events * 1e9 / g[name]["ns"], "events/s",
               target={"record": RECORD_TARGET, "replayVerify": REPLAY_TARGET}.get(name), better="higher",
               note="absolute, machine-dependent: reported, not gated" if name in ("record", "replayVerify") else None)
        figure("%s.%s.bytesPerEvent" % (pre, name), (g[name]["bytes"] or 0.0) / day_events, "B/event",
               note="allocated per event")
    base = {"name": "GoldenLogBench.fold", "cpuNsPerPass": round(g["fold"]["ns"])}
    figure(pre + ".replayVerify.vsFold", g["fold"]["ns"] / g["replayVerify"]["ns"], "ratio", kind="ratio",
           target=REPLAY_VS_FOLD_TARGET, better="higher", gated=True, baseline=base,
           note="plain fold CPU / replay-verify CPU per pass, same JMH run")
    figure(pre + ".record.vsFold", g["fold"]["ns"] / g["record"]["ns"], "ratio", baseline=base,
           note="plain fold CPU / record CPU per pass, same JMH run (no target)")
    figure(pre + ".replayVerify.vsJacksonRead", g["jacksonRead"]["ns"] / g["replayVerify"]["ns"], "ratio",
           kind="ratio", target=REPLAY_VS_JACKSON_TARGET, better="higher", gated=True,
           baseline={"name": "GoldenLogBench.jacksonRead", "cpuNsPerPass": round(g["jacksonRead"]["ns"])},
           note="Jackson JSON-lines reader CPU / replay-verify CPU per pass, same JMH run")
    figure(pre + ".bytesPerEntry", log_bytes / day_events, "B/entry", target=BYTES_PER_ENTRY_TARGET,
           better="lower", gated=True, note="the whole .tcgl (header, checkpoints, trailer) / entries; "
           "deterministic; JSON lines: %.1f B/event" % (json_bytes / day_events))

# The backtest end to end (BacktestBench on the same USD-M day: one whole run per operation).
backtest_path = os.path.join(WORK, "backtest.json")
if os.path.exists(backtest_path) and day_events:
    bt = {k[0].split(".")[1]: v for k, v in index(load(backtest_path)).items()}
    pre = "backtest.usdm-btcusdt_20240808"
    for name, label in (("a_readDatasetOnly", "decodeOnly"), ("d_coreFoldVenue", "coreAndVenue"),
                        ("f_backtestMarketMaker", "tcBacktest")):
        r = bt[name]
        full = name == "f_backtestMarketMaker"
        figure("%s.%s.rowsPerCpuSecond" % (pre, label), day_events * 1e9 / r["ns"], "rows/s",
               target=2 * HFTBACKTEST_ROWS_PER_S if full else None, better="higher",
               note=("2x hftbacktest's ~4.8 M rows/s (the issue's figure; hftbacktest cannot be installed "
                     "here): absolute, not gated") if full else None)
        figure("%s.%s.rowsPerSecond" % (pre, label), day_events * 1e9 / (r["wall"] * 1e6), "rows/s",
               note="wall clock, file output and fsync included")
        figure("%s.%s.bytesPerRow" % (pre, label), (r["bytes"] or 0.0) / day_events, "B/row")
    figure(pre + ".tcBacktest.vsDecode", bt["a_readDatasetOnly"]["ns"] / bt["f_backtestMarketMaker"]["ns"],
           "ratio", note="decode-only CPU / whole-backtest CPU, same JMH run (no target)")

# The previous committed result: the newest core-gate file in bench/results/ (names sort by date; other
# benchmarks' results, e.g. sweep-*.json, are not gate results).
previous = None
committed = subprocess.run(["git", "ls-files", "bench/results/[0-9]*.json"], capture_output=True,
                           text=True).stdout.split()
if committed:
    prev_path = sorted(committed)[-1]
    previous = {"file": prev_path, "figures": {f["name"]: f for f in load(prev_path)["figures"]}}

failures = []
print("%-56s %14s %12s %12s  %s" % ("figure", "value", "target", "previous", "status"))
for f in figures:
    status = []
    if "target" in f:
        ok = f["meetsTarget"]
        status.append(("ok" if ok else "MISSES TARGET") + ("" if f["gated"] else " (not gated)"))
        if f["gated"] and not ok:
            failures.append("%s = %s misses its target %s" % (f["name"], f["value"], f["target"]))
    prev = previous["figures"].get(f["name"]) if previous else None
    if prev is not None:
        f["previous"] = prev["value"]
        # Regression is gated for the gated ratios (two forks each); the one-fork ratios vary too much
        # from run to run on a shared machine to gate (bench/README.md).
        if f["kind"] == "ratio" and f["gated"] and prev["value"] > 0 and f["value"] < (1 - REGRESSION) * prev["value"]:
            status.append("REGRESSED > 10 %")
            failures.append("%s = %s regressed from %s" % (f["name"], f["value"], prev["value"]))
        elif f["kind"] == "ratio" and prev["value"] > 0 and f["value"] < (1 - REGRESSION) * prev["value"]:
            status.append("below the previous by > 10 % (not gated: one fork)")
    print("%-56s %14s %12s %12s  %s" % (f["name"], "%.4g" % f["value"], f.get("target", ""),
                                         "%.4g" % prev["value"] if prev else "", "; ".join(status)))

date = datetime.date.today().isoformat()
result = {
    "date": date, "commit": COMMIT, "jdk": jdk, "cpu": cpu,
    "machineNote": "shared with other agents while measured: absolute times are noisy, ratios less so",
    "profile": "JMH 1.37, single-shot iterations (FoldBench/FoldBaselineBench: 524,288 events each, 1 fork, "
               "the gated market-maker folds on the real days and their baseline again with 2 forks; "
               "StepBench: 65,536 steps each, 1 fork), 8 warm-up + 8 measured, -prof gc, "
               "-prof io.tradingchassis.bench.CpuTimeProfiler; StepLatency 5 warm-up + 5 measured passes; "
               "GoldenLogBench 3 + 6 and BacktestBench 3 + 5 single-shot passes over the USD-M day, 1 fork",
    "previous": previous["file"] if previous else None,
    "figures": figures,
    "failures": failures,
}
out = "bench/results/%s-%s.json" % (date, COMMIT)
with open(out, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
print("\nJDK: %s\nCPU: %s\nwrote %s%s" % (jdk, cpu, out,
                                        "" if not previous else " (previous: %s)" % previous["file"]))
if failures:
    print("\nrelease gate FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
print("release gate passed")
