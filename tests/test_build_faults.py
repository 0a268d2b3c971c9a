"""The build fails loudly, naming the culprit: a figure that raises, a listing that names code
that does not exist, a notebook cell that errors. Each case builds a tiny site with the project's own
settings for that feature, so a change of those settings that hides the fault fails here.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]


def project_setting(plugin_or_extension):
    """The project's mkdocs.yml entry for a plugin or Markdown extension, as a dict."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name tags
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for section in ("plugins", "markdown_extensions"):
        for item in config.get(section, []):
            if isinstance(item, dict) and plugin_or_extension in item:
                return item[plugin_or_extension]
    raise KeyError(plugin_or_extension)


def build(tmp_path, config, files):
    """Build a tiny site in tmp_path; return (exit code, everything mkdocs printed)."""
    for name, text in files.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(dict(site_name="t", **config)))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


LISTING_HOOK = str(ROOT / "hooks" / "listings.py")


def listing_page(body):
    return f"# t\n\n```listing\n{body}\n```\n"


@pytest.mark.parametrize("body, culprit", [
    ("nn_text/perceptron.py no_such_function", "defines no function or class 'no_such_function'"),
    ("nn_text/no_such_module.py AND", "no_such_module.py"),
    ("nn_text/layers.py Relu.no_such_method", "Relu has no method 'no_such_method'"),
    ("nn_text/perceptron.py", "names a file and at least one function or class"),
])
def test_a_listing_that_names_nothing_real_fails_the_build(tmp_path, body, culprit):
    code, log = build(tmp_path, {"markdown_extensions": ["pymdownx.superfences", "attr_list"],
                                 "hooks": [LISTING_HOOK]}, {"index.md": listing_page(body)})
    assert code != 0
    assert culprit in log and "index.md" in log


def test_a_listing_renders_the_named_code_whole(tmp_path):
    code, log = build(tmp_path, {"markdown_extensions": ["pymdownx.superfences", "attr_list"],
                                 "hooks": [LISTING_HOOK], "repo_url": "https://example.org/r"},
                      {"index.md": listing_page("nn_text/perceptron.py AND")})
    assert code == 0, log
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)  # the code without the highlighter's spans
    assert "def AND(x1, x2):" in text and "import numpy as np" in text
    assert '<p class="listing-note">' in html and "https://example.org/r/blob/main/nn_text/perceptron.py#L" in html


NOTEBOOK_HOOK = str(ROOT / "hooks" / "notebooks.py")  # runs the notebooks (mkdocs-jupyter renders)


def test_a_notebook_cell_error_fails_the_build(tmp_path):
    jupyter = project_setting("mkdocs-jupyter")
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "id": "boom",
                           "metadata": {}, "outputs": [], "source": "1 / 0"}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    code, log = build(tmp_path, {"plugins": [{"mkdocs-jupyter": jupyter}], "hooks": [NOTEBOOK_HOOK]},
                      {"index.md": "# t\n", "nb.ipynb": json.dumps(notebook)})
    assert code != 0
    assert "ZeroDivisionError" in log and "nb.ipynb: a cell failed" in log


@pytest.mark.parametrize("metadata", [{}, {"alt": "A line that rises from 1 to 2."}])
def test_a_notebook_plot_needs_alt_text(tmp_path, metadata):
    """A plot's alt text comes from its cell's metadata; a plot without one fails the build."""
    jupyter = project_setting("mkdocs-jupyter")
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "id": "plot",
                           "metadata": metadata, "outputs": [],
                           "source": "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    code, log = build(tmp_path, {"plugins": [{"mkdocs-jupyter": jupyter}], "hooks": [NOTEBOOK_HOOK]},
                      {"index.md": "# t\n", "nb.ipynb": json.dumps(notebook)})
    if not metadata:
        assert code != 0
        assert 'nb.ipynb: cell 1 draws 1 plot(s), so its metadata needs "alt"' in log, log[-2000:]
        return
    assert code == 0, log[-2000:]
    html = (tmp_path / "site" / "nb" / "index.html").read_text(encoding="utf-8")
    plot = re.search(r'<img\b[^>]*\bsrc="(plot-[0-9a-f]{12}\.png)"[^>]*>', html)
    assert plot and f'alt="{metadata["alt"]}"' in plot[0], html[-3000:]
    assert (tmp_path / "site" / "nb" / plot[1]).read_bytes().startswith(b"\x89PNG")


def test_a_figure_that_raises_fails_the_build_with_its_name(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("figures_hook", ROOT / "hooks" / "figures.py")
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        hook = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hook)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    broken = textwrap.dedent("""
        import sys
        from figures import register, write_figures
        @register("ch00/broken")
        def broken(lang):
            raise ZeroDivisionError("boom")
        write_figures(sys.argv[1])
    """)
    monkeypatch.setattr(hook, "RENDER", broken)
    monkeypatch.setattr(hook, "OUT", tmp_path / "figures")
    monkeypatch.setattr(hook, "STAMP", tmp_path / "figures" / ".inputs-sha256")
    with pytest.raises(PluginError, match=r"drawing the figures failed: .*figure 'ch00/broken' \(ko\) failed: boom"):
        hook.on_pre_build({})
