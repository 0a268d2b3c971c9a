"""Files written atomically: a reader never sees half a file, and a failed write leaves none."""

import os
import tempfile
from pathlib import Path


def write_atomically(path, write):
    """Call ``write(file)`` on a temporary file next to ``path``, then rename it to ``path``.

    Parameters
    ----------
    path : str or Path
        Where the file ends up; its folder is made if missing.
    write : callable
        Called with the open binary temporary file.

    Returns
    -------
    None

    Raises
    ------
    Exception
        Whatever ``write`` raised; the temporary file is removed and ``path`` is untouched.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from nn_text._io import write_atomically
    >>> target = Path(tempfile.mkdtemp()) / "x.bin"
    >>> write_atomically(target, lambda f: f.write(b"abc"))
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'abc', ['x.bin'])
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.chmod(tmp, 0o644)  # mkstemp makes the file private (0600); a saved file is not
        os.replace(tmp, path)  # the real name only ever points at a complete file
    except BaseException:
        os.unlink(tmp)
        raise
