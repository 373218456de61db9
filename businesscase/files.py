"""Writing files safely: a failed write never leaves a half-written or lost file behind, and
writing never replaces anything but a regular file.

The choices, for users in ``docs/cli.md``:

- **Atomic.** The new content goes to a temporary file in the target's folder, is flushed to
  disk (``fsync``) and renamed over the target (``os.replace``, atomic within one file system);
  on any failure the target is left untouched and the temporary file removed.
- **Only regular files are replaced.** A device (``/dev/null``, a terminal), a FIFO, a socket or
  a folder at the target is refused with :class:`NotARegularFile`; a rename would swap the node
  for a file.
- **A symbolic link is written through**: the file it points to gets the new content and the
  link stays, as ``open(path, "w")`` would do; a link to a device is refused like the device.
- **Permissions as ``open()`` gives them**: a new file gets ``0o666`` less the umask (the
  kernel applies it, and any default ACL of the folder); a replaced file keeps its mode.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)
"""What a path that is not a regular file can be, as messages name it."""


class NotARegularFile(OSError):
    """The path to write names a device, FIFO, socket or folder, not a (new) regular file.

    ``strerror`` says what it is (``is a FIFO (named pipe), not a regular file; ...``),
    ``filename`` which path; the command line prints both and exits with status 2.
    """


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    An existing file is replaced only when the new one is completely written and flushed to
    disk; on any failure it is left untouched and the temporary file is removed. A symbolic
    link is written through to the file it points to. A new file gets the permissions
    ``open()`` would give it (``0o666`` less the umask); a replaced file keeps its mode.

    Parameters
    ----------
    path : path-like
        The file to write; its folder must exist.
    data : bytes
        The complete new content.

    Returns
    -------
    pathlib.Path
        The path written (as given, a link stays a link).

    Raises
    ------
    NotARegularFile
        When ``path`` (or the file a link points to) is a device, FIFO, socket or folder.
    OSError
        When the folder does not exist or cannot be written.

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
    target = Path(os.path.realpath(path))
    existing = _existing_mode(target, path)
    handle, temporary = _create_temporary(target, existing)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return path


def _existing_mode(target: Path, given: Path) -> int | None:
    """The permission bits of the regular file at ``target``, None when there is none yet.

    Raises :class:`NotARegularFile` for anything else at ``target``.
    """
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return None
    for is_kind, kind in _KINDS:
        if is_kind(status.st_mode):
            where = "" if os.path.abspath(given) == str(target) else f" (it leads to {target})"
            rule = f"is {kind}, not a regular file{where}; write to a file instead"
            raise NotARegularFile(errno.EINVAL, rule, str(given))
    return stat.S_IMODE(status.st_mode)


def _create_temporary(target: Path, mode: int | None) -> tuple[int, Path]:
    """Create a new, empty temporary file next to ``target``; its descriptor and path.

    Without an existing mode the file is created with ``0o666`` and the kernel applies the
    umask, exactly as for ``open()``. To replace a file it is created private (``0o600``) and
    given the old file's mode before any data is written, so its content is never readable by
    more people than the old file's.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            handle = os.open(temporary, flags, 0o666 if mode is None else 0o600)
        except FileExistsError:  # pragma: no cover - a clash of 32 random bits
            continue
        break
    if mode is not None:
        try:
            os.fchmod(handle, mode)
        except BaseException:
            os.close(handle)
            temporary.unlink(missing_ok=True)
            raise
    return handle, temporary


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry of the renamed file to disk, where the system allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder that cannot be opened for reading
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover - file systems without directory fsync
        pass
    finally:
        os.close(handle)
