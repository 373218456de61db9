"""Writing files safely: a failed write never leaves a half-written or lost file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    An existing file is replaced only when the new one is completely written and flushed to
    disk (``os.replace`` is atomic within one file system); on any failure it is left untouched
    and the temporary file is removed.

    Parameters
    ----------
    path : path-like
        The file to write; its folder must exist.
    data : bytes
        The complete new content.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", b"baten").read_bytes()
    b'baten'
    >>> sorted(p.name for p in folder.iterdir())  # no temporary file left behind
    ['a.txt']
    """
    path = Path(path)
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return path
