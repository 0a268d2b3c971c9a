"""What the hooks share: the repository root and files registered from outside docs/."""

import importlib.util
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent


def _load_dev():
    """tools/dev.py, which knows where the set-up put the font and MNIST."""
    spec = importlib.util.spec_from_file_location("nn_text_dev", ROOT / "tools" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


project_defaults = _load_dev().project_defaults
SETUP_HINT = "run `python3 tools/dev.py setup` first"


def add_tree(files, config, src_dir, dest_prefix, pattern="**/*"):
    """Publish every file under ``src_dir`` matching ``pattern`` as ``dest_prefix/<relative>``.

    The site path is also the file's source path, so Markdown links such as
    ``../figures/ch02/gates-ko.svg`` resolve and are checked by `mkdocs build --strict`.
    """
    for path in sorted(Path(src_dir).glob(pattern)):
        if path.is_file():
            uri = f"{dest_prefix}/{path.relative_to(src_dir).as_posix()}"
            file = File(uri, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
            file.abs_src_path = str(path)  # the bytes come from outside docs/
            files.append(file)
