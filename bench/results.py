#!/usr/bin/env python3
"""Runs the benchmarks and rewrites the measured tables of bench/RESULTS.md.

bench/run calls this after building. Each block below names the commands it
runs and how its table is drawn from their figures. A bench prints a figure as
a line "FIGURE key value unit" (bench/benchkit.h); the few programs that are
not ours to change (QtTest's benchmark output, a test's log, the wall's
startup log) are read by a small parser instead. A figure's full key is the
command's tag, a dot and the bench's own key: "tree.launch_ms".

RESULTS.md keeps its prose. Every measured table sits between
<!-- bench:NAME --> and <!-- /bench:NAME -->; a run replaces what lies between
a block's markers with a fresh table, the command lines, and a line saying
when, on which commit and on what machine it ran. Nothing outside the markers
changes. Each command's whole output is kept in the run folder
(build/bench-runs/DATE/), with every figure in figures.json.

  results.py                 every default block; rewrites their tables
  results.py NAME...         only these blocks (also those left out of the default)
  results.py --no-write      print the tables, change no file outside the run folder
  results.py --from DIR      render again from a run folder's logs, running nothing
  results.py --list          the blocks, and which run by default

Only the Python 3 standard library is used.
"""

import argparse
import csv
import datetime
import json
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "RESULTS.md")
SOAK_SVG = os.path.join(ROOT, "bench", "soak.svg")
RUNS = os.path.join(ROOT, "build", "bench-runs")


# --------------------------------------------------------------- definitions

class Cmd:
    """One command of a block. `display`: "WxH" runs it under a display (xvfb-run
    when there is none), None with no display at all (DISPLAY unset), "" as it is."""

    def __init__(self, tag, argv, display="", env=None, parse=None, shown=None):
        self.tag = tag
        self.argv = argv
        self.display = display
        self.env = env or {}
        self.parse = parse  # text -> {key: value}, for output without FIGURE lines
        self.shown = shown  # the command as the table shows it, when not argv

    def command_line(self, subst):
        """The command as someone would type it (for the tables)."""
        words = [w.format(**subst) for w in (self.shown or self.argv)]
        line = " ".join(shlex.quote(w) for w in words)
        prefix = " ".join("%s=%s" % kv for kv in self.env.items())
        if self.display:
            line = 'xvfb-run -a -s "-screen 0 %sx24" %s' % (self.display, line)
        elif self.display is None:
            line = "env -u DISPLAY " + line
        return (prefix + " " + line).strip()


class Row:
    """A row of a what/target/measured/met?/command table. `measured` is a
    template: {key} or {key:format} stand for figures. `met`: a function of the
    figures giving True, False or a few words."""

    def __init__(self, what, target, measured, cmd, met=None):
        self.what, self.target, self.measured, self.cmd, self.met = what, target, measured, cmd, met


class Block:
    def __init__(self, name, title, cmds, render, default=True, derive=None, minutes=0):
        self.name, self.title, self.cmds, self.render = name, title, cmds, render
        self.default = default
        self.derive = derive  # figures -> more figures (ratios, sums, words)
        self.minutes = minutes  # rough duration on the 2-core machine, for --list


def b(name):
    return "build/bin/" + name


# ------------------------------------------------------------------- parsers

def parse_qtest_benchmarks(text):
    """QtTest's "RESULT : Class::function():" followed by "N msecs per iteration"."""
    figures = {}
    for m in re.finditer(r"RESULT : \w+::(\w+)\(\):\s*\n\s*([0-9.,eE+-]+) msecs per iteration", text):
        figures[m.group(1) + "_ms"] = float(m.group(2).replace(",", ""))
    return figures


def parse_wallsync(text):
    figures = {}
    for m in re.finditer(r"follower (\d+): (\d+) views of the flight, applied ([0-9.]+) ms \(p50\) / ([0-9.]+) ms \(p99\)", text):
        n = m.group(1)
        figures["follower%s.views" % n] = float(m.group(2))
        figures["follower%s.p50_ms" % n] = float(m.group(3))
        figures["follower%s.p99_ms" % n] = float(m.group(4))
    m = re.search(r"the wall's view back after (\d+) ms", text)
    if m:
        figures["restart_ms"] = float(m.group(1))
    if re.search(r"^Totals: \d+ passed, 0 failed", text, re.M):
        figures["passed"] = 1.0
    return figures


def parse_wall_pixels(text):
    """tst_wall: each node's share of pixels that differ from the spanning render."""
    shares = [float(m.group(1)) for m in re.finditer(r"node \d+: ([0-9.]+) % of its pixels differ", text)]
    return {"max_differ_pct": max(shares), "nodes": float(len(shares))} if shares else {}


def parse_wall_restart(text):
    """The wall's own log: when the history was restored and the first complete frame swapped."""
    figures = {}
    m = re.search(r"history \S+: (\d+) cases, .* restored after (\d+) ms", text)
    if m:
        figures["cases"] = float(m.group(1))
        figures["restored_ms"] = float(m.group(2))
    m = re.search(r"first complete frame after (\d+) ms", text)
    if m:
        figures["first_frame_ms"] = float(m.group(1))
    return figures


# ------------------------------------------------------------------- helpers

def ratio(f, a, b_):
    return f[a] / f[b_] if f.get(a) is not None and f.get(b_) else None


def spread(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    lo, hi = min(values), max(values)
    return format(lo, fmt) if format(lo, fmt) == format(hi, fmt) else "%s–%s" % (format(lo, fmt), format(hi, fmt))


def yes_no(ok):
    return "yes" if ok else "**no**"


# ------------------------------------------------------------------- blocks

def rows_table(rows):
    """The usual table: what, target, measured, met?, command."""
    def render(f, ctx):
        out = ["| what | target | measured | met? | command |", "|---|---|---|---|---|"]
        seen = set()
        for r in rows:
            if r.cmd in seen:
                command = "same run"
            else:
                command = "`%s`" % ctx.command(r.cmd)
                seen.add(r.cmd)
            met = "—"
            if r.met is not None:
                try:
                    v = r.met(f)
                    met = yes_no(v) if isinstance(v, bool) else str(v)
                except (KeyError, TypeError, ZeroDivisionError):
                    met = "n/a"
            out.append("| %s | %s | %s | %s | %s |" % (ctx.fill(r.what), ctx.fill(r.target), ctx.fill(r.measured), met, command))
        return "\n".join(out)
    return render


def startup_derive(f):
    return {
        "tree_vs_districts": ratio(f, "tree.launch_ms", "districts.launch_ms"),
        "tree_minus_districts": f.get("tree.launch_ms", 0) - f.get("districts.launch_ms", 0),
        "msaa_vs_tree": ratio(f, "msaa.launch_ms", "tree.launch_ms"),
    }


STARTUP = Block(
    "startup", "start to first complete frame, 11 runs each",
    [Cmd("tree", [b("bench_startup"), "11"], display="3840x2160"),
     Cmd("districts", [b("bench_startup"), "11", "--geo", "bench/data/panjin-districts-only.geojson"], display="3840x2160"),
     Cmd("hd", [b("bench_startup"), "11", "--size", "1920x1080"], display="3840x2160"),
     Cmd("msaa", [b("bench_startup"), "11"], display="3840x2160", env={"GRIDWALL_MSAA_SAMPLES": "4"})],
    rows_table([
        Row("start to first complete frame, whole tree (3,409 regions), 3840x2160", "< 1.0 s",
            "**{tree.launch_ms:,.0f} ms** from process launch ({tree.in_process_ms:,.0f} ms in-process; "
            "min {tree.launch_min_ms:,.0f}, max {tree.launch_max_ms:,.0f}; {tree.runs:.0f} runs)", "tree",
            met=lambda f: f["tree.launch_ms"] < 1000),
        Row("same, baseline with only the 4 district outlines", "—",
            "{districts.launch_ms:,.0f} ms (whole tree: ×{tree_vs_districts:.2f}, +{tree_minus_districts:,.0f} ms)", "districts"),
        Row("same, whole tree, 1920x1080", "—", "{hd.launch_ms:,.0f} ms", "hd"),
        Row("same, whole tree, 3840x2160 with 4x multisampling", "—",
            "{msaa.launch_ms:,.0f} ms (×{msaa_vs_tree:.2f} of the default)", "msaa"),
    ]),
    derive=startup_derive, minutes=3)

MAP = Block(
    "map", "map costs (QBENCHMARK, median of 9)",
    [Cmd("qtest", [b("bench_map"), "-platform", "offscreen", "-median", "9"], parse=parse_qtest_benchmarks)],
    rows_table([
        Row("recolour all 2,648 grids, GUI thread (hand a colour vector to the map)", "< 1 ms",
            "**{qtest.recolourAllGrids_guiThread_ms:.4f} ms**", "qtest",
            met=lambda f: f["qtest.recolourAllGrids_guiThread_ms"] + f["qtest.recolourAllGrids_sync_ms"] < 1),
        Row("recolour all 2,648 grids, scene-graph sync (write 39,714 vertex colours; the GUI thread is blocked meanwhile)",
            "< 1 ms (with the above)", "**{qtest.recolourAllGrids_sync_ms:.3f} ms**", "qtest",
            met=lambda f: f["qtest.recolourAllGrids_guiThread_ms"] + f["qtest.recolourAllGrids_sync_ms"] < 1),
        Row("load + validate + triangulate the Panjin asset (off the GUI thread, in parallel with QML loading)", "—",
            "{qtest.loadAndTriangulate_ms:,.0f} ms (parse + validate + index: {qtest.loadOnly_ms:,.0f} ms)", "qtest"),
        Row("hit-test one point at all four levels", "—", "{hit_us:.2f} µs", "qtest"),
    ]),
    derive=lambda f: {"hit_us": f["qtest.hitTestAllLevels_ms"] * 1000 if "qtest.hitTestAllLevels_ms" in f else None},
    minutes=1)

DECODE = Block(
    "decode", "feed decoding, one thread",
    [Cmd("decode", [b("bench_decode"), "11"])],
    rows_table([
        Row("decode one message, simdjson On Demand (mix of {decode.messages:,.0f} payloads of {decode.payload_bytes:.0f} bytes on "
            "average: worker positions, readings, units, cases, states and events)", "—",
            "**{decode.simdjson.msgs:,.0f} msg/s**, {decode.simdjson.ns:,.0f} ns", "decode"),
        Row("same, QJsonDocument reference extracting and checking the same fields", "—",
            "{decode.reference.msgs:,.0f} msg/s, {decode.reference.ns:,.0f} ns: **simdjson is "
            "{decode.simdjson_vs_reference:.1f}x faster**, hence the choice", "decode"),
        Row("simdjson, worker positions in GCJ-02 (converted to WGS-84 on decoding)", "—",
            "{decode.simdjson_gcj02.msgs:,.0f} msg/s, {decode.simdjson_gcj02.ns:,.0f} ns", "decode"),
        Row("decode + queue + apply to the live state, one thread (a batch taken every 170 messages)", "≥ 1,000,000 msg/s",
            "**{decode.pipeline.msgs:,.0f} msg/s**, {decode.pipeline.ns:,.0f} ns", "decode",
            met=lambda f: f["decode.pipeline.msgs"] >= 1e6),
    ]),
    minutes=1)


def e2e_apply_met(f):
    return "p50 %s, p99 %s" % ("yes" if f["offscreen.apply.p50_ms"] < 2 else "**no**",
                               "yes" if f["offscreen.apply.p99_ms"] < 2 else "**no**")


def e2e_derive(f):
    # The targets hold at 10,000 msg/s: a publisher that could not keep that pace (a busy
    # machine) measured something else, and the table says so.
    rate = f.get("offscreen.publish_rate")
    slow = rate is not None and rate < 9000
    return {"e2e_rate_note": " **The publisher reached only %s msg/s of the 10,000 asked (the machine was busy): the rows "
                             "below were not measured at the targets' rate.**" % format(rate, ",.0f") if slow else ""}


def at_rate(check):
    """A target check that only counts when the publisher kept the rate asked."""
    return lambda f: "n/a (rate not reached)" if f["offscreen.publish_rate"] < 9000 else check(f)


E2E = Block(
    "e2e", "feed end to end through Mosquitto on loopback: 10,000 msg/s for 20 s",
    [Cmd("offscreen", [b("bench_e2e"), "10000", "20"], display=None),
     Cmd("xvfb", [b("bench_e2e"), "10000", "20"], display="1920x1080")],
    rows_table([
        Row("end to end through Mosquitto on loopback, {offscreen.published:,.0f} messages at {offscreen.publish_rate:,.0f} msg/s "
            "(mean payload {offscreen.payload_bytes:.0f} bytes), wall offscreen", "0 drops",
            "**{offscreen.wall.dropped:,.0f} dropped** of {offscreen.published:,.0f} ({offscreen.wall.coalesced:,.0f} coalesced)."
            "{e2e_rate_note}", "offscreen", met=lambda f: f["offscreen.wall.dropped"] == 0),
        Row("same: the wall's CPU", "< 10 % of one core",
            "**{offscreen.wall.cpu_pct:.1f} %**; the transport alone, a bare Paho C++ subscriber process in the same run "
            "(same persistent session, QoS 1, a callback that only counts): {offscreen.bare.cpu_pct:.1f} %",
            "offscreen", met=at_rate(lambda f: f["offscreen.wall.cpu_pct"] < 10)),
        Row("same: publish-to-frame p99 against a plain Paho subscriber's publish-to-receive p99 (same run, same clock)",
            "within 20 ms",
            "wall {offscreen.wall.p99_ms:,.0f} ms (p50 {offscreen.wall.p50_ms:,.0f} ms), plain {offscreen.plain.p99_ms:,.0f} ms "
            "(p50 {offscreen.plain.p50_ms:,.0f} ms): **{offscreen.wall_minus_plain.p99_ms:+,.0f} ms**",
            "offscreen", met=at_rate(lambda f: f["offscreen.wall_minus_plain.p99_ms"] <= 20)),
        Row("same: GUI-thread time per frame applying updates", "< 2 ms",
            "p50 **{offscreen.apply.p50_ms:.2f} ms**, p99 **{offscreen.apply.p99_ms:.2f} ms** ({offscreen.apply.frames:,.0f} frames)",
            "offscreen", met=at_rate(e2e_apply_met)),
        Row("same with the wall rendering through Mesa llvmpipe under Xvfb", "—",
            "{xvfb.wall.dropped:,.0f} dropped; CPU {xvfb.wall.cpu_pct:.0f} %, publish-to-frame p99 {xvfb.wall.p99_ms:,.0f} ms, "
            "apply p99 {xvfb.apply.p99_ms:.2f} ms", "xvfb"),
    ]),
    derive=e2e_derive, minutes=2)


def state_derive(f):
    return {"state.identical_words": "identical" if f.get("state.identical") == 1 else "**different**"}


STATE = Block(
    "state", "live state: 1,000,000 mixed events with every roll-up, one core",
    [Cmd("state", [b("bench_state"), "5"])],
    rows_table([
        Row("{state.events:,.0f} mixed events applied with every roll-up (4 levels + city), the SLA timers, the alarm engine and "
            "the five-minute ring coverage, one core", "< 1 s",
            "**{state.apply.median_ms:,.0f} ms** median of {state.repeats:.0f} ({state.apply.min_ms:,.0f}–{state.apply.max_ms:,.0f} ms), "
            "{state.apply.ns_per_event:,.0f} ns per event; batch of 1,000: p50 {state.batch.p50_ms:.2f} ms, "
            "p99 {state.batch.p99_ms:.1f} ms, max {state.batch.max_ms:.0f} ms", "state",
            met=lambda f: f["state.apply.median_ms"] * 1e6 / f["state.events"] < 1000),
        Row("same events without a region tree (no point-in-polygon, no per-region roll-ups): the baseline", "—",
            "{state.baseline.median_ms:,.0f} ms ({state.baseline.min_ms:,.0f}–{state.baseline.max_ms:,.0f}): every region costs "
            "**×{state.tree_vs_baseline:.2f}**", "state"),
        Row("cost per kind (one pass, batches split by kind)", "—",
            "case event {state.kind.case_ns:,.0f} ns, camera state {state.kind.camera_state_ns:,.0f} ns, camera event "
            "{state.kind.camera_event_ns:,.0f} ns (alarm raise + flood group), sensor reading {state.kind.sensor_reading_ns:,.0f} ns, "
            "grid state {state.kind.grid_ns:,.0f} ns, worker position {state.kind.worker_ns:,.0f} ns, unit position "
            "{state.kind.unit_ns:,.0f} ns; timers and clock {state.kind.timers_ns:,.0f} ns per event of the window", "state"),
        Row("the state the window leaves", "—",
            "{state.final.open:,.0f} open cases ({state.final.overdue:,.0f} overdue, {state.final.due_soon:,.0f} due soon), "
            "{state.final.alarms.camera_silent:,.0f} camera-silent alarms; {state.identical_words} over the repeats", "state"),
    ]),
    derive=state_derive, minutes=3)

SPATIAL = Block(
    "spatial", "spatial context: nearest cameras over 20,000, rings, grid adjacency",
    [Cmd("spatial", [b("bench_spatial"), "11"])],
    rows_table([
        Row("nearest camera over 20,000 cameras (R-tree, 100,000 queries; 60 % of points around three urban cores)", "< 20 µs",
            "**{spatial.nearest1_us:.2f} µs** ({spatial.nearest1_us.min:.2f}–{spatial.nearest1_us.max:.2f}); a linear scan over the "
            "same cameras takes {spatial.linear_scan_us:,.0f} µs: **×{linear_vs_rtree:,.0f}**", "spatial",
            met=lambda f: f["spatial.nearest1_us"] < 20),
        Row("nearest 5 cameras / all cameras within 1,500 m ({spatial.within1500_hits:.0f} on average)", "—",
            "{spatial.nearest5_us:.2f} µs / {spatial.within1500_us:.1f} µs", "spatial"),
        Row("move a point (worker-style update)", "—", "{spatial.move_us:.2f} µs", "spatial"),
        Row("grid adjacency of the 2,648 grids (GEOS STRtree + prepared distance)", "—",
            "{spatial.grid_neighbours_ms:.1f} ms, {spatial.grid_pairs:,.0f} neighbouring pairs", "spatial"),
    ]),
    derive=lambda f: {"linear_vs_rtree": ratio(f, "spatial.linear_scan_us", "spatial.nearest1_us")}, minutes=3)


def history_derive(f):
    out = {
        "checkpoint_cost": ratio(f, "h.insert.batched10000.rate", "h.insert.nockpt_batched10000.rate"),
        "journal_vs_records": ratio(f, "h.big.journal.total_ms", "h.big.records.total_ms"),
    }
    parts = sorted(((k[len("h.big.part."):-len("_bytes_per_event")], v) for k, v in f.items()
                    if k.startswith("h.big.part.") and k.endswith("_bytes_per_event")), key=lambda kv: -kv[1])
    out["big_parts"] = ", ".join("`%s` %.0f" % kv for kv in parts[:5]) or "n/a"
    return out


HISTORY = Block(
    "history", "history in SQLite: insert rate, restart, size (1,000,000 events)",
    [Cmd("h", [b("bench_history"), "3", "1000000"])],
    rows_table([
        Row("journal insert, batched 10,000 a transaction, the journal connection's settings (auto-checkpoint off, the writer "
            "thread checkpoints)", "≥ 250,000 events/s",
            "**{h.insert.nockpt_batched10000.rate:,.0f}/s** ({h.insert.nockpt_batched10000.rate_min:,.0f}–"
            "{h.insert.nockpt_batched10000.rate_max:,.0f}); with SQLite's default auto-checkpoint on the inserting connection: "
            "{h.insert.batched10000.rate:,.0f}/s (×{checkpoint_cost:.2f})", "h",
            met=lambda f: f["h.insert.nockpt_batched10000.rate"] >= 250000),
        Row("journal insert, batched 1,000 a transaction", "—",
            "{h.insert.nockpt_batched1000.rate:,.0f}/s (default auto-checkpoint: {h.insert.batched1000.rate:,.0f}/s)", "h"),
        Row("`CaseJournal::record`, one commit per event (what the feed does before each QoS 1 acknowledgement)", "—",
            "{h.insert.record.rate:,.0f}/s, {h.insert.record.us:.0f} µs; the same statement on a connection without "
            "auto-checkpoint: {h.insert.nockpt_autocommit.rate:,.0f}/s; `synchronous=FULL`: {h.insert.full_sync.ms:.2f} ms per event",
            "h"),
        Row("restart to the whole case picture, {h.big.events:,.0f}-event history ({h.big.days:.1f} days, {h.big.cases:,.0f} cases, "
            "{h.big.records.open:,.0f} open)", "< 1 s",
            "**{h.big.records.total_ms:,.0f} ms** (open + read the {h.big.records.cases:,.0f} stored records of open cases and those "
            "ended within 2 days + restore); replaying the journal alone: {h.big.journal.total_ms:,.0f} ms "
            "(**×{journal_vs_records:.0f}**); loading every case ever stored: {h.big.all.total_ms:,.0f} ms", "h",
            met=lambda f: f["h.big.records.total_ms"] < 1000),
        Row("same, {h.small.events:,.0f}-event history", "< 1 s",
            "{h.small.records.total_ms:,.0f} ms; journal alone {h.small.journal.total_ms:,.0f} ms", "h",
            met=lambda f: f["h.small.records.total_ms"] < 1000),
        Row("database size", "—", "{h.big.bytes_per_event:.0f} bytes per event ({big_parts})", "h"),
    ]),
    derive=history_derive, minutes=6)

H10M_DIR = "{tmp}/h10m"


def queries_table(prefix):
    rows = [("region series, 24 h by hour", "series_24h"), ("region series, 7 d by hour", "series_7d"),
            ("region series, 30 d by Shanghai day", "series_30d"), ("today against the same weekday last week", "week"),
            ("a case's full timeline", "timeline"), ("what changed in the last hour, city-wide (20 calls)", "changes"),
            ("top 20 overdue, city ({%s.in_hand:,.0f} cases in hand)" % prefix, "overdue_city"),
            ("top 20 overdue, a district", "overdue_district"), ("top 20 overdue, a street", "overdue_street"),
            ("top 20 overdue, a community", "overdue_community"), ("top 20 overdue, a grid", "overdue_grid")]

    def render(f, ctx):
        out = ["| query | target | p50 | p99 |", "|---|---|---|---|"]
        for what, key in rows:
            out.append(ctx.fill("| %s | a few ms | {%s.%s.p50_ms:.3f} ms | {%s.%s.p99_ms:.3f} ms |" % (what, prefix, key, prefix, key)))
        return "\n".join(out)
    return render


def h10m_render(f, ctx):
    parts = [ctx.fill(
        "`%s` wrote {build.built.events:,.0f} events of {build.built.cases:,.0f} cases over {build.built.days:.1f} days "
        "({build.built.file_mb:,.0f} MB, {build.built.bytes_per_event:.0f} bytes an event) in {build_min:.1f} min; "
        "`%s` filled `region_hour` from the journal by SQL once ({queries.fill_ms:,.0f} ms; the wall adds it live), "
        "then timed 200 calls each with random regions of every level and random cases:" %
        (ctx.command("build"), ctx.command("queries")))]
    parts.append(queries_table("queries")(f, ctx))
    parts.append(rows_table([
        Row("read the stored records + restore them ({restart.restart.records.cases:,.0f} records: "
            "{restart.restart.records.open:,.0f} open cases, {restart.restart.records.overdue:,.0f} overdue, and those ended "
            "within 2 days)", "< 1 s",
            "**{restart.restart.records.total_ms:,.0f} ms** median of 3 (read {restart.restart.records.read_ms:,.0f} ms, "
            "{restart.restart.records.read_us_per_record:.1f} µs a record; restore {restart.restart.records.restore_ms:,.0f} ms, "
            "{restart.restart.records.restore_us_per_case:.1f} µs a case); replaying the whole journal instead: "
            "{restart.restart.journal.total_ms:,.0f} ms", "restart",
            met=lambda f: f["restart.restart.records.total_ms"] < 1000),
        Row("the wall, start to the whole picture restored, offscreen ({wall1.cases:,.0f} cases), three runs", "< 1 s",
            "restored after **{wall_restored}** ms; first complete frame {wall_frame} ms", "wall1",
            met=lambda f: max(f["wall%d.restored_ms" % i] for i in (1, 2, 3)) < 1000),
    ])(f, ctx))
    return "\n\n".join(parts)


def h10m_derive(f):
    return {"build_min": f.get("build.built.build_ms", 0) / 60000,
            "wall_restored": spread([f.get("wall%d.restored_ms" % i) for i in (1, 2, 3)], ",.0f"),
            "wall_frame": spread([f.get("wall%d.first_frame_ms" % i) for i in (1, 2, 3)], ",.0f")}


def wall_restart_cmd(tag):
    return Cmd(tag, [b("gridwall"), "-platform", "offscreen", "--data-dir", H10M_DIR, "--quit-after", "1500"],
               display=None, parse=parse_wall_restart)


HISTORY_10M = Block(
    "history-10m", "history at 10 million events: panel queries and restart",
    [Cmd("build", [b("bench_history"), "build", H10M_DIR, "10000000"], shown=[b("bench_history"), "build", "/tmp/h10m", "10000000"]),
     Cmd("queries", [b("bench_queries"), H10M_DIR, "200"], shown=[b("bench_queries"), "/tmp/h10m", "200"]),
     Cmd("restart", [b("bench_history"), "restart", H10M_DIR, "3"], shown=[b("bench_history"), "restart", "/tmp/h10m", "3"]),
     wall_restart_cmd("wall1"), wall_restart_cmd("wall2"), wall_restart_cmd("wall3")],
    h10m_render, default=False, derive=h10m_derive, minutes=15)
for c in HISTORY_10M.cmds[3:]:
    c.shown = [b("gridwall"), "-platform", "offscreen", "--data-dir", "/tmp/h10m", "--quit-after", "1500"]


def frames_render(f, ctx):
    phases = [("empty map (no feed; frames only for the clock)", "empty"), ("simulator 1×", "sim1x"),
              ("simulator 10×", "sim10x"), ("simulator 100× (asked; the simulator reaches what these cores allow)", "sim100x")]
    out = ["`%s`:" % ctx.command("frames"), "",
           "| phase | msg/s taken in | frames/s | frame time p50 | frame time p99 | p50 vs empty | apply p50 | apply p99 | wall CPU |",
           "|---|---|---|---|---|---|---|---|---|"]
    for what, key in phases:
        p = "frames." + key
        vs = "1" if key == "empty" else "×{%s.vs_empty:.2f}" % p
        out.append(ctx.fill(
            "| %s | {%s.msgs:,.0f} | {%s.fps:.1f} | {%s.frame_p50_ms:.2f} ms | {%s.frame_p99_ms:.1f} ms | %s | "
            "{%s.apply_p50_ms:.2f} ms | {%s.apply_p99_ms:.2f} ms | {%s.cpu_pct:.0f} %% |" % (what, p, p, p, p, vs, p, p, p)))
    out.append("")
    out.append(ctx.fill("GUI-thread time applying a frame's updates with the simulator's mix at 10× ({frames.sim10x.msgs:,.0f} msg/s), "
                        "target < 2 ms: p50 {frames.sim10x.apply_p50_ms:.2f} ms, p99 {frames.sim10x.apply_p99_ms:.2f} ms: "
                        "**{sim10x_met}**."))
    return "\n".join(out)


def frames_derive(f):
    out = {}
    for key in ("sim1x", "sim10x", "sim100x"):
        out["frames.%s.vs_empty" % key] = ratio(f, "frames.%s.frame_p50_ms" % key, "frames.empty.frame_p50_ms")
    if "frames.sim10x.apply_p99_ms" in f:
        out["sim10x_met"] = "met" if f["frames.sim10x.apply_p99_ms"] < 2 else "not met at p99"
    return out


FRAMES = Block(
    "frames", "frame time with gridwall-sim at 1x, 10x, 100x against the empty map (1920x1080, 30 s each after 10 s)",
    [Cmd("frames", [b("bench_frames"), "30", "10"], display="1920x1080")],
    frames_render, derive=frames_derive, minutes=3)

def layouts_render(f, ctx):
    out = ["`%s`:" % ctx.command("layouts"), "",
           "A 4x2 wall of 1080p screens (7680x2160) with the simulator at 1x: its own layout (32:9: charts and tiles "
           "left, map, panel and ticker right) against the 16:9 layout stretched to it (the 1080p arrangement the wall "
           "drew before it had layouts).", "",
           "| layout | msg/s taken in | frames/s | frame time p50 | frame time p99 | apply p50 | apply p99 | wall CPU |",
           "|---|---|---|---|---|---|---|---|"]
    for what, key in (("32:9 (chosen for the shape)", "layout_32x9"), ("16:9 stretched", "layout_16x9")):
        p = "layouts." + key
        out.append(ctx.fill("| %s | {%s.msgs:,.0f} | {%s.fps:.1f} | {%s.frame_p50_ms:.2f} ms | {%s.frame_p99_ms:.1f} ms | "
                            "{%s.apply_p50_ms:.2f} ms | {%s.apply_p99_ms:.2f} ms | {%s.cpu_pct:.0f} %% |" % (what, p, p, p, p, p, p, p)))
    out.append("")
    out.append(ctx.fill("Render-thread frame time p50, 32:9 over 16:9: ×{layouts_ratio:.2f}."))
    return "\n".join(out)


def layouts_derive(f):
    return {"layouts_ratio": ratio(f, "layouts.layout_32x9.frame_p50_ms", "layouts.layout_16x9.frame_p50_ms")}


LAYOUTS = Block(
    "layouts", "frame cost of the 32:9 layout against the 16:9 one at 7680x2160 (simulator 1x, 20 s each after 10 s)",
    [Cmd("layouts", [b("bench_frames"), "20", "10", "7680x2160", "32:9,16:9"], display="7680x2160")],
    layouts_render, derive=layouts_derive, minutes=2)

def bounds_render(f, ctx):
    out = ["`%s`:" % ctx.command("bounds"), "",
           ctx.fill("A producer inventing ids: {bounds.workers:,.0f} distinct workers (QoS 0) and {bounds.cases:,.0f} distinct open "
                    "cases (QoS 1) through Mosquitto, taken in by the wall in {bounds.flood_s:.0f} s, against the bounds of "
                    "docs/state.md. The wall quiet for 10 s before and after, rendering 1920x1080:"), "",
           "| | resident memory | wall CPU | frames/s | frame time p50 | frame time p99 |", "|---|---|---|---|---|---|"]
    for what, key in (("before the flood", "before"), ("after the flood", "after")):
        p = "bounds." + key
        out.append(ctx.fill("| %s | {%s.rss_mb:.0f} MB | {%s.cpu_pct:.0f} %% | {%s.fps:.1f} | {%s.frame_p50_ms:.2f} ms | "
                            "{%s.frame_p99_ms:.1f} ms |" % (what, p, p, p, p, p)))
    out.append("")
    out.append(ctx.fill("Held after the flood: {bounds.live.case:,.0f} cases ({bounds.evicted.case:,.0f} evicted), "
                        "{bounds.live.worker:,.0f} workers ({bounds.evicted.worker:,.0f} evicted). Memory after against before: "
                        "×{rss_ratio:.2f}."))
    return "\n".join(out)


BOUNDS = Block(
    "bounds", "a producer inventing ids: the wall before and after 500,000 workers and 200,000 cases past its bounds",
    [Cmd("bounds", [b("bench_bounds"), "500000", "200000", "10"], display="1920x1080")],
    bounds_render, derive=lambda f: {"rss_ratio": ratio(f, "bounds.after.rss_mb", "bounds.before.rss_mb")}, minutes=4)

PLUGIN_ROWS = [("grid-management (C++ module, API 1.1 counts and ranked regions)", "grid-management"),
               ("public-security (API 1.1 counts)", "public-security"),
               ("emergency-safety (API 1.1 counts)", "emergency-safety"),
               ("petitions-mediation (API 1.1 counts)", "petitions-mediation"),
               ("baseline: the grid-management tally in JavaScript over API 1.0 rows (`bench/plugins/grid-management-js`)",
                "grid-management-js")]


def plugins_render(f, ctx):
    out = ["`%s`:" % ctx.command("plugins"), "",
           "| plugin | mean per refresh | p50 | p99 | refreshes | errors |", "|---|---|---|---|---|---|"]
    for what, key in PLUGIN_ROWS:
        p = "plugins." + key
        out.append(ctx.fill("| %s | **{%s.mean_ms:.1f} ms** | {%s.p50_ms:.0f} ms | {%s.p99_ms:.0f} ms | {%s.refreshes:.0f} | "
                            "{%s.errors:.0f} |" % (what, p, p, p, p, p)))
    out.append("")
    stopped = [key for _, key in PLUGIN_ROWS if f.get("plugins.%s.errors" % key, 0) > 0]
    if stopped:
        out.append("**In this run %s had errors: the watchdog stops a script that holds the GUI thread over 1 s, and a "
                   "stopped plugin's later refreshes cost nothing, so its figures are not its cost.**"
                   % ", ".join("`%s`" % k for k in stopped))
        out.append("")
    together = "The four bundled plugins together, every shared pass included: **{bundled_ms:.1f} ms** a second"
    if "grid-management-js" in stopped:
        out.append(ctx.fill(together + "; the baseline was stopped, so this run gives no ratio against it."))
    else:
        out.append(ctx.fill(
            together + ", against {plugins.grid-management-js.mean_ms:,.0f} ms for the one baseline widget "
            "(×{baseline_vs_bundled:.1f}); grid management's module alone against the baseline: ×{baseline_vs_module:.1f}."))
    out.append("")
    out.append("The p50 and p99 are interpolated in the histogram's buckets, which are coarse at these durations; the mean "
               "is exact.")
    return "\n".join(out)


def plugins_derive(f):
    bundled = sum(f.get("plugins.%s.mean_ms" % k, 0) for _, k in PLUGIN_ROWS[:4])
    baseline = f.get("plugins.grid-management-js.mean_ms")
    return {"bundled_ms": bundled,
            "baseline_vs_bundled": baseline / bundled if bundled and baseline is not None else None,
            "baseline_vs_module": ratio(f, "plugins.grid-management-js.mean_ms", "plugins.grid-management.mean_ms")}


PLUGINS = Block(
    "plugins", "department plugins: GUI-thread time of each plugin's refresh with 20,000 open cases",
    [Cmd("plugins", [b("bench_plugins"), "20000", "30"], display=None)],
    plugins_render, derive=plugins_derive, minutes=3)


def wallsync_derive(f):
    fs = (1, 2, 3)
    return {"views": spread([f.get("sync.follower%d.views" % i) for i in fs], ".0f"),
            "p50": spread([f.get("sync.follower%d.p50_ms" % i) for i in fs], ".1f"),
            "p99": spread([f.get("sync.follower%d.p99_ms" % i) for i in fs], ".1f")}


WALLSYNC = Block(
    "wallsync", "video wall: four wall processes follow their conductor",
    [Cmd("sync", ["build/tests/tst_wallsync", "nodesFollowTheConductor"], display=None, parse=parse_wallsync),
     Cmd("pixels", ["build/tests/tst_wall"], display="1920x1080", env={"QT_QPA_PLATFORM": "xcb"}, parse=parse_wall_pixels)],
    rows_table([
        Row("views of one flight to a district a follower applied (three followers)", "—", "{views}", "sync"),
        Row("conductor's publication → follower applied, p50 (three followers)", "within a frame (16.7 ms)", "{p50} ms", "sync",
            met=lambda f: max(f["sync.follower%d.p50_ms" % i] for i in (1, 2, 3)) < 16.7),
        Row("same, p99", "—", "{p99} ms", "sync"),
        Row("conductor killed with -9, started again: the wall's view back after", "—", "{sync.restart_ms:,.0f} ms", "sync"),
        Row("the four nodes' frames of a 2x2 wall with bezels against one process spanning the screens (a difference counts "
            "above 48 of 765 in summed RGB)", "< 0.1 % of pixels differ",
            "{pixels.max_differ_pct:.3f} % at most ({pixels.nodes:.0f} nodes)",
            "pixels", met=lambda f: f["pixels.max_differ_pct"] < 0.1),
    ]),
    derive=wallsync_derive, minutes=1)


SOAK_VERDICTS = {2: "**no growth after warm-up**",
                 1: "**grew after warm-up with the live state, flat at the end**",
                 0: "**RSS grows after warm-up, still at the end**"}


def soak_derive(f):
    return {"soak_verdict": SOAK_VERDICTS.get(f.get("soak.verdict"), "n/a"),
            "soak_minutes": f.get("soak.hours", 0) * 3600 / f.get("soak.speed", 1) / 60,
            "soak_remaining": f.get("soak.hours", 0) - f.get("soak.warmup_h", 0)}


def soak_render(f, ctx):
    out = [ctx.fill(
        "`%s` (gridwall-sim `--speed {soak.speed:.0f}` from 00:00 of a working day, {soak.hours:.0f} simulated hours in "
        "{soak_minutes:.0f} min; a sample every {soak.every_s:.0f} s; the wall at 1920x1080 under Xvfb, every default layer on):"
        % ctx.command("soak")), ""]
    out.append(rows_table([
        Row("resident memory (VmRSS) after the warm-up ({soak.warmup_h:.0f} simulated hours) → at the end", "—",
            "**{soak.rss_warm_mb:,.0f} MB → {soak.rss_end_mb:,.0f} MB** ({soak.growth_mb:+,.1f} MB, {soak.growth_pct:+.1f} %); "
            "of which anonymous (heap, stacks) {soak.anon_warm_mb:,.0f} → {soak.anon_end_mb:,.0f} MB, file-backed (libraries, "
            "fonts, the database's pages) {soak.file_warm_mb:,.0f} → {soak.file_end_mb:,.0f} MB; peak (VmHWM) {soak.hwm_end_mb:,.0f} MB; "
            "{soak.rss_first_mb:,.0f} MB at the first sample", "soak"),
        Row("slope of RSS after the warm-up (least squares), carried over the remaining hours",
            "< 5 % of the RSS after warm-up ({soak.bound_mb:,.1f} MB: a leak of {soak.bound_bytes_per_message:,.0f} bytes per "
            "message or {soak.bound_bytes_per_frame:,.0f} bytes per frame)",
            "**{soak.slope_mb_per_h:+.2f} MB per simulated hour**: {soak.projected_mb:+,.1f} MB", "soak",
            met=lambda f: f["soak.verdict"] == 2),
        Row("the slope of the last {soak.tail_h:.1f} simulated hours, carried over the same {soak_remaining:.0f} hours", "the same",
            "{soak.tail_slope_mb_per_h:+.2f} MB per simulated hour: {soak.tail_projected_mb:+,.1f} MB. Verdict: {soak_verdict}", "soak",
            met=lambda f: f["soak.verdict"] >= 1),
        Row("live entities after the warm-up → at the end (of which cases; workers)", "—",
            "{soak.entities_warm:,.0f} → {soak.entities_end:,.0f} ({soak.cases_warm:,.0f} → {soak.cases_end:,.0f}; "
            "{soak.workers_warm:,.0f} → {soak.workers_end:,.0f})", "soak"),
        Row("frame time (render thread) after the warm-up", "—",
            "p50 {soak.frame_p50_ms:.1f} ms, p99 {soak.frame_p99_ms:.1f} ms; {soak.messages:,.0f} messages taken in", "soak"),
    ])(f, ctx))
    out += ["", "Per simulated hour (RSS at the hour's end; frame time over the hour; [the curves](soak.svg)):", "",
            "| hour | RSS MB | anon MB | frame p50 ms | frame p99 ms | msg/s | frames/s | wall CPU | entities | cases |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    h = 0
    while "soak.hour.%d.rss_mb" % h in f:
        p = "soak.hour.%d" % h
        out.append(ctx.fill("| %02d:00 | {%s.rss_mb:,.1f} | {%s.anon_mb:,.1f} | {%s.p50_ms:.1f} | {%s.p99_ms:.1f} | {%s.msgs:,.0f} | "
                            "{%s.fps:.1f} | {%s.cpu_pct:.0f} %% | {%s.entities:,.0f} | {%s.cases:,.0f} |"
                            % ((int(f[p + ".clock"]),) + (p,) * 9)))
        h += 1
    out += ["", "![RSS, frame time and messages per second over the simulated day](soak.svg)"]
    return "\n".join(out)


def soak_after(ctx):
    csv_path = os.path.join(ctx.run_dir, "soak.csv")
    if os.path.exists(csv_path):
        svg = soak_svg(csv_path, ctx.figures)
        target = SOAK_SVG if ctx.write else os.path.join(ctx.run_dir, "soak.svg")
        with open(target, "w") as out:
            out.write(svg)
        print("wrote %s" % os.path.relpath(target, ROOT))


SOAK = Block(
    "soak", "soak: the wall through a simulated day at 100x under Xvfb",
    [Cmd("soak", [b("bench_soak"), "--csv", "{run}/soak.csv"], display="1920x1080", shown=[b("bench_soak")])],
    soak_render, derive=soak_derive, minutes=16)

def charts_render(f, ctx):
    out = ["`%s`:" % ctx.command("charts"), "",
           ctx.fill("The 30-day chart of cases reported and closed at its size in the analysis column of a 7680x2160 wall "
                    "({charts.width:.0f}x{charts.height:.0f} px, axis text {charts.font_px:.0f} px: the wall's smallest legible "
                    "size), handed 30 new days of figures at every update ({charts.updates:.0f} updates after 20 of warm-up). "
                    "CPU time per update until its frame is on screen, medians:"), "",
           "| chart | GUI thread | render thread | whole process (Mesa's threads included) | update to frame | time labels |",
           "|---|---|---|---|---|---|"]
    for what, key, labels in (
            ("TrendChart (Canvas, the wall's)", "trend", "one every {charts.trend.label_every:.0f} days, whole"),
            ("Qt Charts `ChartView` + `BarSeries` (QML module QtCharts)", "qtcharts",
             "all 30: each {charts.qtcharts.label_px:.0f} px wide in a {charts.qtcharts.slot_px:.0f} px slot, {qtcharts_fit}")):
        p = "charts." + key
        out.append(ctx.fill("| %s | **{%s.gui_ms:.2f} ms** ({%s.gui_min_ms:.2f}–{%s.gui_max_ms:.2f}) | {%s.render_ms:.2f} ms | "
                            "{%s.process_ms:.2f} ms | {%s.latency_ms:.1f} ms | %s |" % (what, p, p, p, p, p, p, labels)))
    out.append("")
    out.append(ctx.fill("Qt Charts over TrendChart: GUI thread **×{charts_gui_ratio:.1f}**, whole process ×{charts_process_ratio:.1f}."))
    return "\n".join(out)


def charts_derive(f):
    fits = f.get("charts.qtcharts.label_px", 0) <= f.get("charts.qtcharts.slot_px", 0)
    return {"charts_gui_ratio": ratio(f, "charts.qtcharts.gui_ms", "charts.trend.gui_ms"),
            "charts_process_ratio": ratio(f, "charts.qtcharts.process_ms", "charts.trend.process_ms"),
            "qtcharts_fit": "they fit" if fits else "**elided to “…”**"}


CHARTS = Block(
    "charts", "the 30-day chart: Qt Charts against the wall's TrendChart at 7680x2160 (1440x416 px)",
    [Cmd("charts", ["bench/with-qtcharts", b("bench_charts"), "200", "1440", "416"], display="1920x1080")],
    charts_render, derive=charts_derive, minutes=1)

# The figures before retained layers (filed 2026-12, same machine, same mix), beside today's.
WALL_FILED = {
    ("1920x1080", 1000): (23.3, 98), ("1920x1080", 5000): (15.8, 148), ("1920x1080", 20000): (8.8, 482),
    ("3840x2160", 1000): (8.8, 296), ("3840x2160", 5000): (5.7, 495), ("3840x2160", 20000): (3.1, 996),
}
# Targets: frames/s at least, publish-to-pixel p99 at most (ms); None: measured and recorded.
WALL_TARGETS = {
    ("1920x1080", 1000): (50, 50), ("1920x1080", 20000): (30, 100),
    ("3840x2160", 1000): (25, 100), ("3840x2160", 20000): (15, None),
}


def wall_render(f, ctx):
    out = ["`%s`, and the map drawn directly for the same-run baseline: `%s`:" % (ctx.command("wall"), ctx.command("walldirect")), "",
           "| size | msg/s asked | sent/s | taken in | frames/s | frame interval p50 / p99 | render thread p50 / p99 | GUI apply p50 / p99 "
           "| publish→pixel p50 / p95 / p99 | wall CPU | PSS | filed: frames/s, pixel p99 | target |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for tag in ("wall", "walldirect"):
        for size in ("1920x1080", "3840x2160", "7680x2160"):
            for rate in (1000, 5000, 20000, 0):
                p = "%s.%s.%s" % (tag, size, "r%d" % rate if rate else "idle")
                if p + ".fps" not in f:
                    continue
                filed = WALL_FILED.get((size, rate))
                target = WALL_TARGETS.get((size, rate))
                if rate == 0:
                    target_text = "< 2 % of a core" if size == "1920x1080" else ""
                elif target:
                    target_text = "≥ %d frames/s" % target[0] + (", p99 ≤ %d ms" % target[1] if target[1] else "")
                else:
                    target_text = "recorded" if size == "7680x2160" else ""
                what = size + (" (drawn directly)" if tag == "walldirect" else "")
                out.append(ctx.fill(
                    "| %s | %s | {%s.sent_rate:,.0f} | {%s.taken:,.0f} | {%s.fps:.1f} | {%s.frame_p50_ms:.0f} / {%s.frame_p99_ms:.0f} ms "
                    "| {%s.render_p50_ms:.1f} / {%s.render_p99_ms:.1f} ms | {%s.apply_p50_ms:.2f} / {%s.apply_p99_ms:.2f} ms "
                    "| {%s.pixel_p50_ms:.0f} / {%s.pixel_p95_ms:.0f} / {%s.pixel_p99_ms:.0f} ms | {%s.cpu_pct:.1f} %% | {%s.pss_mb:.0f} MB | %s | %s |"
                    % ((what, "{:,}".format(rate) if rate else "idle") + (p,) * 14
                       + ("%.1f, %d ms" % filed if filed else "", target_text))))
    out.append("")
    out.append(ctx.fill("Render thread p50 at 1920x1080 and 1,000 msg/s, retained over direct: ×{wall_retained_ratio:.2f}; "
                        "idle wall CPU retained {wall.1920x1080.idle.cpu_pct:.1f} %, direct {walldirect.1920x1080.idle.cpu_pct:.1f} %."))
    return "\n".join(out)


def wall_derive(f):
    return {"wall_retained_ratio": ratio(f, "wall.1920x1080.r1000.render_p50_ms", "walldirect.1920x1080.r1000.render_p50_ms")}


WALL = Block(
    "wall", "the wall under load: 20,000 units and 2,648 grids through Mosquitto at 1,000, 5,000 and 20,000 msg/s at 1920x1080, "
    "3840x2160 and 7680x2160, then idle (20 s windows after 5 s)",
    [Cmd("wall", [b("bench_wall"), "20", "5", "1920x1080,3840x2160,7680x2160", "1000,5000,20000", "30"], display="7680x2160"),
     Cmd("walldirect", [b("bench_wall"), "20", "5", "1920x1080", "1000", "30"], display="1920x1080",
         env={"GRIDWALL_RETAINED_LAYERS": "0"})],
    wall_render, derive=wall_derive, minutes=9)


BLOCKS = [MAP, STARTUP, DECODE, E2E, STATE, SPATIAL, HISTORY, FRAMES, LAYOUTS, WALL, CHARTS, BOUNDS, PLUGINS, WALLSYNC, SOAK,
          HISTORY_10M]


# ------------------------------------------------------------------- the SVG

def soak_svg(csv_path, figures):
    """Three stacked panels over the simulated hours: RSS (and VmHWM), frame time p50/p99, messages/s."""
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return "<svg xmlns='http://www.w3.org/2000/svg'/>"
    x = [float(r["sim_hours"]) for r in rows]
    series = lambda name: [float(r[name]) for r in rows]
    width, left, right, top, panel, gap = 760, 60, 20, 34, 150, 36
    hours = max(x[-1], 1e-9)
    warm = figures.get("soak.warmup_h")
    # The simulated clock at hour 0, from the first sample's time of day (labels follow --start).
    clock = re.search(r"T(\d\d):(\d\d)", rows[0].get("sim_time", ""))
    start = (int(clock.group(1)) + int(clock.group(2)) / 60 - x[0]) if clock else 0.0
    memory = [("VmRSS", series("rss_mb"), "#1f77b4"), ("VmHWM", series("hwm_mb"), "#6b9ac4")]
    if "anon_mb" in rows[0]:
        memory.append(("RssAnon", series("anon_mb"), "#ff7f0e"))
    panels = [("resident memory, MB", memory),
              ("frame time per sample, ms", [("p99", series("frame_p99_ms"), "#d62728"), ("p50", series("frame_p50_ms"), "#2ca02c")]),
              ("messages taken in per second", [("msg/s", series("msgs_per_s"), "#9467bd")])]
    height = top + len(panels) * (panel + gap) + 10
    out = ["<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' "
           "font-family='sans-serif' font-size='11'>" % (width, height, width, height),
           "<rect width='100%' height='100%' fill='white'/>",
           "<text x='%d' y='18' font-size='13'>gridwall soak: %.0f simulated hours at %.0fx (%s)</text>"
           % (left, hours, figures.get("soak.speed", 0), os.path.basename(os.path.dirname(csv_path)))]
    px = lambda h: left + (width - left - right) * h / hours
    for i, (title, lines) in enumerate(panels):
        y0 = top + i * (panel + gap) + 14
        values = [v for _, s, _ in lines for v in s]
        lo, hi = 0.0, max(values) if values else 1.0
        if title.startswith("resident"):
            lo = min(values) * 0.95  # memory: the change matters, not the distance from zero
        hi = hi * 1.05 if hi > lo else lo + 1
        step = nice_step((hi - lo) / 4)
        lo = math.floor(lo / step) * step
        py = lambda v: y0 + panel - panel * (v - lo) / (hi - lo)
        out.append("<text x='%d' y='%d' font-weight='bold'>%s</text>" % (left, y0 - 4, title))
        out.append("<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>"
                   % (left, y0, width - left - right, panel))
        v = lo
        while v <= hi + 1e-9:
            out.append("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>" % (left, width - right, py(v), py(v)))
            label = format(v, ",.0f" if step >= 1 else ".1f")
            out.append("<text x='%d' y='%.1f' text-anchor='end'>%s</text>" % (left - 4, py(v) + 4, label))
            v += step
        for h in range(0, int(hours) + 1, 3 if hours > 6 else 1):
            out.append("<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#eee'/>" % (px(h), px(h), y0, y0 + panel))
            out.append("<text x='%.1f' y='%d' text-anchor='middle'>%02d:00</text>"
                       % (px(h), y0 + panel + 13, int(round(start + h)) % 24))
        if warm:
            out.append("<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#555' stroke-dasharray='4 3'/>"
                       % (px(warm), px(warm), y0, y0 + panel))
        for j, (name, s, colour) in enumerate(lines):
            points = " ".join("%.1f,%.1f" % (px(a), py(min(max(v_, lo), hi))) for a, v_ in zip(x, s))
            out.append("<polyline fill='none' stroke='%s' stroke-width='1.5' points='%s'/>" % (colour, points))
            out.append("<text x='%d' y='%d' fill='%s' text-anchor='end'>%s</text>" % (width - right - 4 - 60 * j, y0 - 4, colour, name))
    out.append("<text x='%d' y='%d' fill='#555'>dashed: end of the warm-up; hours are the simulated clock (Asia/Shanghai)</text>"
               % (left, height - 6))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def nice_step(raw):
    if raw <= 0:
        return 1
    e = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * e:
            return m * e
    return 10 * e


# ------------------------------------------------------------------- machine

def sh(*argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_line():
    cpu, flags = "unknown CPU", ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name") and cpu == "unknown CPU":
                    cpu = line.split(":", 1)[1].strip()
                elif line.startswith("flags") and not flags:
                    flags = line
    except OSError:
        pass
    if " hypervisor" in flags:
        cpu += ", virtualised"
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            mem = "%.1f GiB" % (kb / 1048576)
    except (OSError, AttributeError):
        pass
    debian = ""
    try:
        with open("/etc/debian_version") as f:
            debian = "Debian " + f.read().strip()
    except OSError:
        pass
    qt = sh("dpkg-query", "-W", "-f", "${Version}", "libqt6core6").split("+")[0]
    mesa = sh("dpkg-query", "-W", "-f", "${Version}", "libgl1-mesa-dri").split("-")[0]
    # Under Xvfb the wall renders with Mesa's llvmpipe whatever the machine has; a render node says a GPU is there.
    has_gpu = os.path.isdir("/dev/dri") and any(n.startswith("renderD") for n in os.listdir("/dev/dri"))
    gpu = "%s: OpenGL is Mesa %s llvmpipe (software) under Xvfb" % ("a GPU is present, unused" if has_gpu else "no GPU", mesa or "?")
    return "%d cores (%s), %s, %s, Qt %s, %s" % (os.cpu_count(), cpu, mem, debian, qt or "?", gpu)


def commit_line():
    head = sh("git", "-C", ROOT, "rev-parse", "--short", "HEAD") or "unknown"
    dirty = sh("git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no")
    return head + (" with uncommitted changes" if dirty else "")


def busy_seconds():
    """CPU seconds all processes of the machine have used so far (from /proc/stat, steal left out)."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def children_seconds():
    """CPU seconds of this process's finished children and what they waited for (the benches, their walls, brokers, Xvfb)."""
    t = os.times()
    return t.children_user + t.children_system


def load_line():
    try:
        with open("/proc/loadavg") as f:
            one, five, fifteen = f.read().split()[:3]
    except OSError:
        return "", False
    high = float(one) >= max(1.0, (os.cpu_count() or 1) / 2)
    return "%s %s %s" % (one, five, fifteen), high


# ------------------------------------------------------------------- running

class Context:
    def __init__(self, block, run_dir, figures, subst, write, errors):
        self.block, self.run_dir, self.figures, self.subst, self.write = block, run_dir, figures, subst, write
        self.errors = errors

    def command(self, tag):
        for c in self.block.cmds:
            if c.tag == tag:
                return c.command_line(self.subst)
        return tag

    def fill(self, template):
        def one(m):
            key, spec = m.group(1), m.group(2) or ""
            value = self.figures.get(key)
            if value is None:
                self.errors.append("%s: no figure %s" % (self.block.name, key))
                return "n/a"
            if isinstance(value, str):
                return value
            try:
                return format(value, spec)
            except ValueError:
                return str(value)
        return re.sub(r"\{([A-Za-z0-9_.\-]+)(?::([^{}]*))?\}", one, template)


def duration_words(seconds):
    seconds = int(round(seconds))
    return "%d min %02d s" % (seconds // 60, seconds % 60) if seconds >= 60 else "%d s" % seconds


def figures_of(text, tag, parse):
    found = {}
    for line in text.splitlines():
        if line.startswith("FIGURE "):
            parts = line.split()
            if len(parts) >= 3:
                try:
                    found["%s.%s" % (tag, parts[1])] = float(parts[2])
                except ValueError:
                    pass
    if parse:
        for k, v in parse(text).items():
            found["%s.%s" % (tag, k)] = v
    return found


def run_command(cmd, subst, log_path):
    argv = [w.format(**subst) for w in cmd.argv]
    env = dict(os.environ)
    env.update(cmd.env)
    if cmd.display is None:
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
    elif cmd.display and not env.get("DISPLAY"):
        argv = ["xvfb-run", "-a", "-s", "-screen 0 %sx24" % cmd.display] + argv
    print("$ " + cmd.command_line(subst), flush=True)
    started = time.time()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                errors="replace")
        text = []
        for line in proc.stdout:
            text.append(line)
            log.write(line)
            log.flush()
            if not line.startswith("FIGURE "):
                sys.stdout.write(line)
                sys.stdout.flush()
        rc = proc.wait()
    print("   (%s, exit status %d)" % (duration_words(time.time() - started), rc), flush=True)
    return "".join(text), rc


def run_block(block, run_dir, source_dir):
    """Runs (or, with source_dir, re-reads) the block's commands; returns (figures, meta, ok)."""
    figures, ok = {}, True
    started = time.time()
    meta_path = os.path.join(source_dir or run_dir, "%s.meta.json" % block.name)
    if source_dir:
        for cmd in block.cmds:
            path = os.path.join(source_dir, "%s.%s.log" % (block.name, cmd.tag))
            if not os.path.exists(path):
                print("%s: no log %s" % (block.name, path))
                ok = False
                continue
            with open(path, errors="replace") as f:
                figures.update(figures_of(f.read(), cmd.tag, cmd.parse))
        meta = {}
        if os.path.exists(meta_path):
            with open(meta_path) as f:
                meta = json.load(f)
        return figures, meta, ok and not meta.get("failed")
    tmp = tempfile.mkdtemp(prefix="gridwall-bench-")
    subst = {"tmp": tmp, "run": run_dir}
    meta = {"started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit_line(), "machine": machine_line(), "load": load_line()[0]}
    # What the rest of the machine used meanwhile: all CPU time less our own commands'.
    busy0, ours0 = busy_seconds(), children_seconds()
    try:
        for cmd in block.cmds:
            text, rc = run_command(cmd, subst, os.path.join(run_dir, "%s.%s.log" % (block.name, cmd.tag)))
            figures.update(figures_of(text, cmd.tag, cmd.parse))
            if rc != 0:
                ok = False
                break
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    meta["seconds"] = time.time() - started
    meta["failed"] = not ok
    if busy0 is not None and meta["seconds"] > 0:
        meta["other_cores"] = max(0.0, (busy_seconds() - busy0) - (children_seconds() - ours0)) / meta["seconds"]
    with open(os.path.join(run_dir, "%s.meta.json" % block.name), "w") as f:
        json.dump(meta, f, indent=1)
    return figures, meta, ok


def render_block(block, figures, meta, run_dir, run_load, write, errors):
    if block.derive:
        try:
            figures.update({k: v for k, v in block.derive(figures).items() if v is not None})
        except (KeyError, TypeError, ZeroDivisionError) as e:
            errors.append("%s: cannot derive (%s)" % (block.name, e))
    ctx = Context(block, run_dir, figures, {"tmp": "/tmp", "run": os.path.relpath(run_dir, ROOT)}, write, errors)
    body = block.render(figures, ctx)
    load, high = run_load
    other = meta.get("other_cores")
    busy = other is not None and other >= 0.25
    noisy = ""
    if high or busy:
        noisy = " **Other work was running on the machine: these timings are noisier (and slower) than a quiet run's.**"
    header = ("*Run %s, commit %s, took %s; %s; load average at the start of the run %s%s.*%s" % (
        meta.get("started", "?"), meta.get("commit", "?"), duration_words(meta.get("seconds", 0)),
        meta.get("machine", "?"), load or "?",
        "; other processes used %.2f of the %d cores while this block ran" % (other, os.cpu_count() or 1) if other is not None else "",
        noisy))
    return ctx, "%s\n\n%s" % (body, header)


def replace_block(text, name, content):
    pattern = re.compile(r"(<!-- bench:%s -->\n).*?(<!-- /bench:%s -->)" % (re.escape(name), re.escape(name)), re.S)
    if not pattern.search(text):
        return None
    return pattern.sub(lambda m: m.group(1) + content + "\n" + m.group(2), text, count=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="blocks to run (default: every default block)")
    parser.add_argument("--no-write", action="store_true", help="print only: RESULTS.md and bench/soak.svg stay as they are")
    parser.add_argument("--from", dest="source", metavar="DIR", help="render from the logs of an earlier run folder, run nothing")
    parser.add_argument("--list", action="store_true", help="list the blocks")
    args = parser.parse_args()

    by_name = {blk.name: blk for blk in BLOCKS}
    if args.list:
        for blk in BLOCKS:
            print("%-12s %-8s ~%2d min  %s" % (blk.name, "default" if blk.default else "on demand", blk.minutes, blk.title))
        return 0
    unknown = [n for n in args.names if n not in by_name]
    if unknown:
        print("unknown block(s): %s (bench/run --list)" % ", ".join(unknown), file=sys.stderr)
        return 2
    chosen = [by_name[n] for n in args.names] if args.names else [blk for blk in BLOCKS if blk.default]
    write = not args.no_write

    if args.source:
        run_dir = os.path.abspath(args.source)
        with open(os.path.join(run_dir, "run.json")) as f:
            run_load = tuple(json.load(f)["load"])
    else:
        run_dir = os.path.join(RUNS, datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
        os.makedirs(run_dir, exist_ok=True)
        run_load = load_line()
        with open(os.path.join(run_dir, "run.json"), "w") as f:
            json.dump({"load": run_load, "blocks": [blk.name for blk in chosen], "uptime": sh("uptime")}, f)
        print("run folder %s; load average %s%s" % (os.path.relpath(run_dir, ROOT), run_load[0],
                                                    " (high: timings will be noisy)" if run_load[1] else ""))

    errors, rendered, durations, failed = [], {}, [], []
    all_figures = {}
    for blk in chosen:
        print("\n== %s: %s" % (blk.name, blk.title), flush=True)
        figures, meta, ok = run_block(blk, run_dir, args.source)
        durations.append((blk.name, meta.get("seconds", 0), ok))
        all_figures.update({"%s/%s" % (blk.name, k): v for k, v in figures.items()})
        if not ok:
            failed.append(blk.name)
            print("== %s FAILED: its table is left as it was" % blk.name)
            continue
        ctx, content = render_block(blk, figures, meta, run_dir, run_load, write, errors)
        rendered[blk.name] = content
        if blk is SOAK:
            soak_after(ctx)
        print("== %s took %s\n%s" % (blk.name, duration_words(meta.get("seconds", 0)), content), flush=True)

    with open(os.path.join(run_dir, "figures.json"), "w") as f:
        json.dump(all_figures, f, indent=1, sort_keys=True)

    if write and rendered:
        with open(RESULTS) as f:
            text = f.read()
        for name, content in rendered.items():
            updated = replace_block(text, name, content)
            if updated is None:
                errors.append("RESULTS.md has no <!-- bench:%s --> … <!-- /bench:%s --> markers" % (name, name))
            else:
                text = updated
        with open(RESULTS, "w") as f:
            f.write(text)
        print("\nrewrote %s: %s" % (os.path.relpath(RESULTS, ROOT), ", ".join(rendered)))

    print("\ndurations:")
    for name, seconds, ok in durations:
        print("  %-12s %10s%s" % (name, duration_words(seconds), "" if ok else "  FAILED"))
    print("  %-12s %10s" % ("total", duration_words(sum(s for _, s, _ in durations))))
    for e in errors:
        print("warning: " + e, file=sys.stderr)
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
