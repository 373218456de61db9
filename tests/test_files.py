"""Writing output files: atomic, only ever over a regular file, with the permissions the umask
gives; a FIFO, device, socket or folder at ``--out`` is refused with exit status 2."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from businesscase.cli import app
from businesscase.examples import example_path
from businesscase.files import NotARegularFile, write_atomic

runner = CliRunner()


@pytest.fixture
def umask():
    """Set the process umask for one test; the old one comes back afterwards."""
    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_file_gets_the_permissions_of_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    path = write_atomic(tmp_path / "results.csv", b"a,b\r\n")
    assert _mode(path) == expected == 0o666 & ~mask
    with open(tmp_path / "by_open.csv", "wb"):  # the same as open() gives
        pass
    assert _mode(tmp_path / "by_open.csv") == expected


def test_replaced_file_keeps_its_mode_and_gets_the_new_content(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "west.xlsx"
    path.write_bytes(b"old and longer")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert (path.read_bytes(), _mode(path)) == (b"new", 0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["west.xlsx"]


def test_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match="FIFO") as caught:
        write_atomic(fifo, b"data")
    assert caught.value.filename == str(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left


def test_character_device_is_refused_and_stays_a_device(tmp_path):
    device = tmp_path / "null"
    try:  # a private copy of /dev/null: the real one is never put at risk
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device needs CAP_MKNOD")
    with pytest.raises(NotARegularFile, match="is a character device, not a regular file"):
        write_atomic(device, b"data")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_socket_is_refused():
    folder = Path(tempfile.mkdtemp(prefix="bc"))  # short: a socket path has at most 107 bytes
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(folder / "s"))
            with pytest.raises(NotARegularFile, match="is a socket"):
                write_atomic(folder / "s", b"data")
            assert stat.S_ISSOCK(os.lstat(folder / "s").st_mode)
    finally:
        shutil.rmtree(folder)


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotARegularFile, match="is a folder"):
        write_atomic(tmp_path, b"data")


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.toml"
    real.write_bytes(b"old")
    real.chmod(0o600)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert write_atomic(link, b"new") == link
    assert link.is_symlink() and real.read_bytes() == b"new" and _mode(real) == 0o600
    dangling = tmp_path / "new_link.toml"
    dangling.symlink_to(tmp_path / "created.toml")
    write_atomic(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "created.toml").read_bytes() == b"made"


def test_link_to_a_fifo_is_refused_naming_where_it_leads(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "out.html").symlink_to(tmp_path / "pipe")
    with pytest.raises(NotARegularFile, match="it leads to .*pipe"):
        write_atomic(tmp_path / "out.html", b"data")


def test_close_gap_onto_a_fifo_says_so_and_exits_2(tmp_path):
    fifo = tmp_path / "voorstel.toml"
    os.mkfifo(fifo)
    result = runner.invoke(
        app, ["close-gap", str(example_path("west_practice")), "--out", str(fifo)]
    )
    assert result.exit_code == 2, result.output
    assert "is a FIFO (named pipe), not a regular file" in result.output
    assert str(fifo) in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("option", ["--html", "--xlsx"])
def test_export_onto_a_fifo_says_so_and_exits_2(tmp_path, option):
    fifo = tmp_path / "rapport"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["export", str(example_path("west_practice")), option, str(fifo)])
    assert result.exit_code == 2, result.output
    assert f"{option} {fifo}: cannot write: is a FIFO" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_batch_onto_a_fifo_says_so_and_exits_2(tmp_path):
    fifo = tmp_path / "results.csv"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["batch", str(example_path("west_practice")), "--out", str(fifo)])
    assert result.exit_code == 2, result.output
    assert "is a FIFO (named pipe)" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
