"""Benchmark: what flake8-azure-frt adds to a flake8 run, and where the plugin's own time goes.

    python benchmarks/run.py [--rounds 5] [--corpus general,dense,fixtures] [--narrow dense] [--no-profile]
                             [--no-flake8] [--json PATH]

Corpora (wheels downloaded once with ``pip download --no-deps --only-binary :all:`` into ``.bench-cache/``):

- general: Django's sources (no Azure OpenAI use);
- dense: semantic-kernel, langchain-openai, openai, autogen-ext and llama-index-llms-azure-openai, only the
  files that mention Azure or OpenAI (the other files stay on disk, so cross-file reads find them);
- fixtures: this repo's fixtures/**/*.py, reported as milliseconds per relevant (prefilter candidate) file.

flake8 with and without the plugin, in the same environment: this script re-runs itself as a tiny flake8
runner (``--flake8 with|without ARGS``) that calls ``flake8.main.cli.main(ARGS)``; for "without" it first
wraps ``flake8.plugins.finder._find_importlib_plugins`` (the function ``find_plugins`` uses to list installed
distributions' entry points) so that every plugin of the distribution flake8-azure-frt is dropped: neither
the AFR checker nor its formatters are imported.  ``--version`` in each mode checks that this held.  Both
modes get the same options (``--isolated -j1 --select=E,F,W,C90,AFR``) and the same file list, from the
corpus root as working directory; the runs are interleaved (the order alternates each round) and each is
timed as a whole process, start-up and imports included: CPU time (user + system, from ``getrusage``, which
other load on a shared machine hardly moves) and wall-clock time.  The figure is the median of the per-round
CPU-time ratios with/without; the wall-clock ratio and the ratio of peak resident memory (``ru_maxrss`` of
that one process, from ``os.wait4``) are printed beside it.  ``--narrow`` corpora are measured a second time
with ``--select=E,F``: with no AFR code selected the plugin should cost (almost) nothing.

The profile calls ``flake8_azure_frt.analysis.check_source`` in-process over each corpus (with the ``ast``
flake8 would hand over, built outside the timing, one file at a time) and wraps the pipeline's stage functions
with timers that count self time (a stage called inside another is subtracted from it), so the stages add up
to the total.  Garbage collection is timed apart (``gc.callbacks``): it runs in whichever stage allocates when
a threshold is crossed, and its cost grows with everything the process keeps alive.
Results are printed and written to ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import ast
import functools
import gc
import importlib
import importlib.metadata
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".bench-cache"
RESULTS = ROOT / "benchmarks" / "results.json"
DIST = "flake8-azure-frt"
FLAKE8_ARGS = ["--isolated", "-j1", "--select=E,F,W,C90,AFR"]
# "Nothing when not asked": with no AFR code selected the plugin must cost (almost) nothing.
NARROW_ARGS = ["--isolated", "-j1", "--select=E,F"]
# Pinned so that figures stay comparable from run to run.
GENERAL = ["django==5.2.19"]
DENSE = [
    "semantic-kernel==1.45.0",
    "langchain-openai==1.7.4",
    "openai==3.57.0",
    "autogen-ext==0.7.5",
    "llama-index-llms-azure-openai==0.6.1",
]
MENTIONS = re.compile(r"azure|openai", re.IGNORECASE)


# ------------------------------------------------------------------------------------------- flake8 runner
def flake8_runner(mode: str, argv: list[str]) -> int:
    """Run flake8 in this process, with or without the plugins of the flake8-azure-frt distribution."""
    from flake8.plugins import finder
    from flake8.utils import normalize_pypi_name

    if mode == "without":
        found = finder._find_importlib_plugins

        def without_afr() -> Iterator[Any]:
            return (p for p in found() if normalize_pypi_name(p.package) != DIST)

        finder._find_importlib_plugins = without_afr
    from flake8.main import cli

    return int(cli.main(argv) or 0)


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the flake8 process
    rss: float  # its peak resident set size, MiB
    out: str


def run_flake8(mode: str, cwd: Path, args: list[str]) -> Run:
    """One flake8 process, measured on its own: ``wait4`` returns that child's resource usage (CPU, peak RSS)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--flake8", mode, *args]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode not in (0, 1) or "Traceback" in stderr:
        raise RuntimeError(f"flake8 ({mode}) failed with {proc.returncode}:\n{stderr[-3000:]}")
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(elapsed, usage.ru_utime + usage.ru_stime, rss, stdout)


def check_modes() -> None:
    for mode, want in (("with", True), ("without", False)):
        out = run_flake8(mode, ROOT, ["--version"]).out
        if (DIST in out) is not want:
            raise RuntimeError(f"flake8 --version in mode {mode!r} does not show the plugin as expected:\n{out}")


# ------------------------------------------------------------------------------------------------ corpora
def download(specs: list[str]) -> list[Path]:
    wheels = CACHE / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)

    def cached(spec: str) -> Path | None:
        name, version = spec.split("==")
        stem = f"{name.replace('-', '_')}-{version}-".lower()
        return next((w for w in wheels.glob("*.whl") if w.name.lower().startswith(stem)), None)

    missing = [s for s in specs if cached(s) is None]
    if missing:
        print(f"downloading {', '.join(missing)} …", flush=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-d", str(wheels)]
        subprocess.run([*cmd, *missing], check=True, stdout=subprocess.DEVNULL)
    found = [cached(s) for s in specs]
    return [w for w in found if w is not None]


def extract(name: str, specs: list[str]) -> Path:
    root = CACHE / name
    marker = root / ".extracted"
    # A project marker, as in the repository a user runs flake8 from: without it the project root found from the
    # corpus files would be this linter's own repository (its fixtures, its docs), which no user's project is.
    project = root / "setup.cfg"
    if marker.exists() and marker.read_text() == "\n".join(specs):
        if not project.exists():
            project.write_text("# the benchmark corpus is its own project\n")
        return root
    for wheel in download(specs):
        with zipfile.ZipFile(wheel) as zf:
            members = [m for m in zf.namelist() if m.endswith(".py") and ".dist-info/" not in m]
            zf.extractall(root, members)
    marker.write_text("\n".join(specs))
    project.write_text("# the benchmark corpus is its own project\n")
    return root


def corpora(names: list[str]) -> dict[str, tuple[Path, list[str]]]:
    """{corpus: (working directory, relative paths of the files to lint)}."""
    out: dict[str, tuple[Path, list[str]]] = {}
    for name in names:
        if name == "general":
            root = extract("general", GENERAL)
            files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py"))
        elif name == "dense":
            root = extract("dense", DENSE)
            files = sorted(
                p.relative_to(root).as_posix()
                for p in root.rglob("*.py")
                if MENTIONS.search(p.read_text(encoding="utf-8", errors="replace"))
            )
        elif name == "fixtures":
            root = ROOT
            files = sorted(p.relative_to(root).as_posix() for p in (ROOT / "fixtures").rglob("*.py"))
        else:
            raise SystemExit(f"unknown corpus {name!r}")
        out[name] = (root, files)
    return out


# ---------------------------------------------------------------------------------------------- profiling
class Profiler:
    """Self time per stage: wrap functions with ``wrap``; nested stages are subtracted from their callers."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._children: list[float] = []
        self._gc_start = 0.0

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._children.append(0.0)
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.seconds[name] += elapsed - self._children.pop()
                self.calls[name] += 1
                if self._children:
                    self._children[-1] += elapsed

        return timed

    def gc_callback(self, phase: str, info: dict[str, int]) -> None:
        """A collection counts as its own stage, taken out of the stage it interrupted (as a nested stage is)."""
        if phase == "start":
            self._gc_start = time.perf_counter()
        elif self._children:  # only inside the timed pipeline (not while the benchmark reads the next file)
            elapsed = time.perf_counter() - self._gc_start
            self.seconds["garbage collection"] += elapsed
            self.calls["garbage collection"] += 1
            self._children[-1] += elapsed


# (module, attribute path, stage): the functions the pipeline calls through a module or class attribute, so
# that replacing the attribute times every call.  libcst.parse_module also times parses of other project files.
STAGES = [
    ("flake8_azure_frt.analysis", "check_source", "suppressions, baseline, glue"),
    ("flake8_azure_frt.prefilter", "is_candidate", "prefilter"),
    ("flake8_azure_frt.gate", "reaches_a_request", "project screen"),
    ("flake8_azure_frt.gate", "may_have_evidence", "ast gate"),
    ("flake8_azure_frt.request_sites", "may_send", "request-site screen"),
    ("flake8_azure_frt.limits", "check", "limits (ast shape)"),
    ("libcst", "parse_module", "libcst parse"),
    ("flake8_azure_frt.checker", "check_module", "checker setup (project, evaluator)"),
    ("flake8_azure_frt.index", "build", "index (one traversal)"),
    ("flake8_azure_frt.requests", "RequestFinder.find", "requests"),
    ("flake8_azure_frt.checker", "_remote_wrappers", "cross-file wrappers"),
    ("flake8_azure_frt.context", "build", "context"),
    ("libcst.metadata", "MetadataWrapper.resolve", "metadata (positions)"),
    ("flake8_azure_frt.checker", "_Reporter.run", "evidence + rules"),
    ("flake8_azure_frt.checker", "_Reporter.remote_wrapper", "evidence + rules"),
]


@contextmanager
def instrumented(profiler: Profiler) -> Iterator[None]:
    undo: list[tuple[Any, str, Any]] = []
    try:
        for module_name, path, stage in STAGES:
            owner: Any = importlib.import_module(module_name)
            *outer, attr = path.split(".")
            for part in outer:
                owner = getattr(owner, part)
            if not hasattr(owner, attr):
                print(f"warning: profile stage {stage!r}: {module_name}.{path} not found, not timed")
                continue
            original = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
            undo.append((owner, attr, original))
            setattr(owner, attr, profiler.wrap(stage, getattr(owner, attr)))
        yield
    finally:
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)


def profile(root: Path, files: list[str]) -> dict[str, Any]:
    from flake8_azure_frt import analysis
    from flake8_azure_frt.settings import Settings

    # The settings flake8 gives the plugin here (--isolated, run from the corpus root): no configured project
    # root, so the project model finds its own, as in the flake8 runs. A configured root changes what the gate
    # lets through (local modules resolve from it), so it would profile a different workload.
    settings = Settings()
    profiler = Profiler()
    per_file: list[tuple[float, str]] = []
    findings = 0
    cwd = os.getcwd()
    os.chdir(root)
    gc.collect()
    gc.callbacks.append(profiler.gc_callback)
    try:
        with instrumented(profiler):
            for rel in files:
                # One file's text and tree alive at a time, as in flake8: holding every tree would make each
                # garbage collection walk them all and inflate whichever stage happens to trigger it.
                text = (root / rel).read_text(encoding="utf-8", errors="replace")
                lines, tree = text.splitlines(keepends=True), ast.parse(text)
                start = time.perf_counter()
                findings += sum(1 for f in analysis.check_source(lines, rel, tree, settings) if f.code != "AFR900")
                per_file.append((time.perf_counter() - start, rel))
    finally:
        gc.callbacks.remove(profiler.gc_callback)
        os.chdir(cwd)
    total = sum(t for t, _ in per_file)
    return {
        "files": len(files),
        "total_s": total,
        # limits.check runs once per prefilter candidate, context.build once per file with requests.
        "candidates": profiler.calls["limits (ast shape)"],
        "with_requests": profiler.calls["context"],
        "findings": findings,
        "stages_s": dict(sorted(profiler.seconds.items(), key=lambda kv: -kv[1])),
        "stage_calls": dict(profiler.calls),
        "slowest": [{"file": rel, "ms": round(t * 1000, 1)} for t, rel in sorted(per_file, reverse=True)[:8]],
    }


# ---------------------------------------------------------------------------------------------------- main
def measure(name: str, root: Path, files: list[str], rounds: int, flake8_args: list[str]) -> dict[str, Any]:
    """Interleaved rounds; ratios of CPU time (steady on a shared machine), wall-clock time and peak RSS."""
    args = [*flake8_args, *files]
    runs: dict[str, list[Run]] = {"with": [], "without": []}
    for r in range(rounds):
        for mode in ("with", "without") if r % 2 == 0 else ("without", "with"):
            runs[mode].append(run_flake8(mode, root, args))
        w, o = runs["with"][-1], runs["without"][-1]
        print(
            f"  {name} round {r + 1}: CPU with {w.cpu:.2f} s, without {o.cpu:.2f} s, ratio {w.cpu / o.cpu:.3f}; "
            f"wall ratio {w.wall / o.wall:.3f}; peak RSS {w.rss:.0f} / {o.rss:.0f} MiB = {w.rss / o.rss:.3f}",
            flush=True,
        )

    def series(attr: str) -> dict[str, list[float]]:
        return {mode: [getattr(run, attr) for run in runs[mode]] for mode in runs}

    def ratios(attr: str) -> list[float]:
        return [getattr(w, attr) / getattr(o, attr) for w, o in zip(runs["with"], runs["without"], strict=True)]

    cpu, wall, rss = series("cpu"), series("wall"), series("rss")
    return {
        "files": len(files),
        "flake8_args": flake8_args,
        "cpu_with_s": cpu["with"],
        "cpu_without_s": cpu["without"],
        "wall_with_s": wall["with"],
        "wall_without_s": wall["without"],
        "rss_with_mib": rss["with"],
        "rss_without_mib": rss["without"],
        "cpu_ratios": ratios("cpu"),
        "wall_ratios": ratios("wall"),
        "rss_ratios": ratios("rss"),
        "median_ratio": statistics.median(ratios("cpu")),
        "median_wall_ratio": statistics.median(ratios("wall")),
        "median_rss_ratio": statistics.median(ratios("rss")),
        "median_extra_cpu_s": statistics.median(w - o for w, o in zip(cpu["with"], cpu["without"], strict=True)),
        "afr_findings": sum(1 for line in runs["with"][-1].out.splitlines() if re.search(r":\d+:\d+: AFR\d", line)),
    }


def print_profile(name: str, prof: dict[str, Any]) -> None:
    total = prof["total_s"] or 1e-9
    print(
        f"\nprofile {name}: {prof['files']} files, {prof['candidates']} analysed (passed the prefilter and limits), "
        f"{prof['with_requests']} with requests, {prof['findings']} findings, check_source total {total:.3f} s"
    )
    print(f"  {'stage':38} {'seconds':>9} {'share':>7} {'calls':>7}")
    for stage, seconds in prof["stages_s"].items():
        print(f"  {stage:38} {seconds:9.3f} {seconds / total:7.1%} {prof['stage_calls'][stage]:7}")
    print("  slowest files: " + ", ".join(f"{s['file']} {s['ms']} ms" for s in prof["slowest"][:5]))


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--flake8":
        return flake8_runner(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", default="general,dense,fixtures")
    parser.add_argument("--no-flake8", action="store_true", help="skip the flake8 with/without runs")
    parser.add_argument("--no-profile", action="store_true", help="skip the in-process profile")
    parser.add_argument("--narrow", default="dense", help="corpora also run with --select=E,F ('' for none)")
    parser.add_argument("--json", type=Path, default=RESULTS)
    opts = parser.parse_args()

    chosen = corpora([c.strip() for c in opts.corpus.split(",") if c.strip()])
    import flake8

    results: dict[str, Any] = {
        "meta": {
            "python": platform.python_version(),
            "flake8": flake8.__version__,
            "libcst": importlib.metadata.version("libcst"),
            "plugin": importlib.metadata.version(DIST),
            "plugin_path": str(Path(importlib.import_module("flake8_azure_frt").__file__ or "").parent),
            "flake8_args": FLAKE8_ARGS,
            "narrow_args": NARROW_ARGS,
            "rounds": opts.rounds,
            "corpora": {"general": GENERAL, "dense": DENSE},
            "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
        },
        "flake8": {},
        "profile": {},
    }
    if not opts.no_flake8:
        check_modes()
        narrow = {c.strip() for c in opts.narrow.split(",") if c.strip()}
        for name, (root, files) in chosen.items():
            results["flake8"][name] = measure(name, root, files, opts.rounds, FLAKE8_ARGS)
            if name in narrow:
                results["flake8"][f"{name} E,F"] = measure(f"{name} E,F", root, files, opts.rounds, NARROW_ARGS)
    if not opts.no_profile:
        for name, (root, files) in chosen.items():
            results["profile"][name] = profile(root, files)
            print_profile(name, results["profile"][name])

    print(
        f"\n{'corpus':12} {'files':>6} {'analysed':>8} {'CPU without':>12} {'CPU with':>9} {'ratio':>6} "
        f"{'wall ratio':>10} {'RSS ratio':>9} {'+ms/analysed file':>18}"
    )
    for name, f8 in results["flake8"].items() or ((n, {}) for n in chosen):
        base = name.split()[0]
        analysed = results["profile"].get(base, {}).get("candidates") if " " not in name else None
        cells = [f"{name:12}", f"{len(chosen[base][1]):6}", f"{analysed if analysed is not None else '-':>8}"]
        if f8:
            cells += [
                f"{statistics.median(f8['cpu_without_s']):12.2f}",
                f"{statistics.median(f8['cpu_with_s']):9.2f}",
                f"{f8['median_ratio']:6.3f}",
                f"{f8['median_wall_ratio']:10.3f}",
                f"{f8['median_rss_ratio']:9.3f}",
                f"{f8['median_extra_cpu_s'] * 1000 / analysed:18.1f}" if analysed else f"{'-':>18}",
            ]
        print(" ".join(cells))
    opts.json.parent.mkdir(parents=True, exist_ok=True)
    opts.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten {opts.json.relative_to(ROOT) if opts.json.is_relative_to(ROOT) else opts.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
