"""Name the pages whose one language changed after its twin last did, so translations keep up;
and the comments of listings on Korean pages that lack a Korean entry, or entries left over.

    python3 tools/twin_sync.py        # prints what to check; exit 1 if there is anything

For every pair docs/<page>.ko.* / docs/<page>.en.*, it compares the last commit that touched
each file (and uncommitted edits, which count as newest). When one side is newer, the other
side may miss what changed: the report names both files and the commits to read.
When the older side needs no change (say the Korean notebook alone got Korean labels), a commit
whose message has the line ``Twin-checked: docs/<page>.en.<ext>`` counts as a change to both
twins: someone read one against the other then.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ko", "en")


def git(*args, cwd=ROOT):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def last_change(path, cwd=ROOT):
    """(order, description) of the newest change to ``path``; edits not committed are newest.

    The order is how many commits lead up to that change, so two commits made within the
    same second still compare right.
    """
    if git("status", "--porcelain", "--", str(path), cwd=cwd).strip():
        return float("inf"), "uncommitted edits"
    relative = Path(path).resolve().relative_to(Path(cwd).resolve()).as_posix()
    # a check of either twin marks the pair as in step at that commit
    twins = {relative.replace(f".{a}.", f".{b}.") for a in LANGS for b in LANGS}
    changes = []
    for out in [git("log", "-1", "--format=%H %h %s", "--", str(path), cwd=cwd)] + [
            git("log", "-1", "--format=%H %h %s", "--fixed-strings",
                f"--grep=Twin-checked: {twin}", cwd=cwd) for twin in sorted(twins)]:
        if out.strip():
            full, sha, subject = out.strip().split(" ", 2)
            changes.append((int(git("rev-list", "--count", full, cwd=cwd)), f"{sha} ({subject[:60]})"))
    return max(changes) if changes else (float("-inf"), "never committed")


def stale_twins(docs=None, cwd=ROOT):
    """Messages naming every twin pair where one language changed after the other."""
    docs = Path(docs) if docs else ROOT / "docs"
    messages = []
    for ko in sorted(docs.rglob("*.ko.*")):
        en = ko.with_name(ko.name.replace(".ko.", ".en."))
        if not en.exists():
            continue  # a missing twin is tests/test_site.py's to report
        (t_ko, d_ko), (t_en, d_en) = last_change(ko, cwd), last_change(en, cwd)
        if t_ko == t_en:
            continue
        newer, older = ((ko, d_ko), (en, d_en)) if t_ko > t_en else ((en, d_en), (ko, d_ko))
        messages.append(f"{older[0].relative_to(docs.parent)} may lag behind "
                        f"{newer[0].relative_to(docs.parent)}: changed in {newer[1]}, "
                        f"its twin last in {older[1]}")
    return messages


def comment_messages():
    """The listing comments that Korean pages show with no Korean entry, and the entries that
    no listing shows any more (hooks/listings.py keeps the table)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("listings", ROOT / "hooks" / "listings.py")
    listings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(listings)
    missing, stale = listings.comment_report()
    table = f"hooks/{listings.COMMENTS_KO.name}"
    return ([f"{table} has no Korean for the comment {c!r} (shown on {', '.join(where)})"
             for c, where in missing.items()]
            + [f"{table} translates {c!r}, which no listing shows any more" for c in stale])


def main():
    messages = stale_twins() + comment_messages()
    for m in messages:
        print(m)
    if not messages:
        print("every Korean and English page changed last in the same commit as its twin, and "
              "every comment of a Korean listing has its Korean entry")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main())
