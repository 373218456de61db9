"""``.ci/run`` on a fresh machine: it installs the package with its test extras, then runs the
README's test command, and fails unless pytest exits 0 (a failed test is 1, no tests at all 5).

The script runs for real under bash, with ``python3``, ``apt-get`` and ``sudo`` replaced by
stand-ins that record their call and exit with the status the test chooses.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / ".ci" / "run"
README_COMMANDS = [
    "python3 -m pip install -e . && python3 -m streamlit run app.py",
    'python3 -m pip install -e ".[test]" && python3 -m pytest',
]
"""The two commands the README opens with: launch the app, run all tests."""
STAND_IN = """#!/bin/sh
echo "$(basename "$0") $*" >> "$CALLS"
case "$(basename "$0") $*" in
  "python3 -m pytest"*) exit "$PYTEST_STATUS" ;;
  "python3 -m pip"*) exit "$PIP_STATUS" ;;
esac
exit 0
"""


def run_ci(tmp_path: Path, pytest_status: int, pip_status: int = 0) -> tuple[int, list[str]]:
    """Run a copy of ``.ci/run`` in an empty repository; its exit status and the calls made."""
    repo, tools = tmp_path / "repo", tmp_path / "bin"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(SCRIPT, repo / ".ci" / "run")
    tools.mkdir()
    for tool in ("python3", "apt-get", "sudo"):
        (tools / tool).write_text(STAND_IN, encoding="utf-8")
        (tools / tool).chmod(0o755)
    calls = tmp_path / "calls"
    env = os.environ | {
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "CALLS": str(calls),
        "PYTEST_STATUS": str(pytest_status),
        "PIP_STATUS": str(pip_status),
    }
    done = subprocess.run(
        ["bash", str(repo / ".ci" / "run")], env=env, capture_output=True, timeout=60
    )
    return done.returncode, calls.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "pytest_status", [1, 2, 5], ids=["a test fails", "interrupted", "no tests collected"]
)
def test_ci_fails_unless_pytest_passes(tmp_path, pytest_status):
    status, _ = run_ci(tmp_path, pytest_status=pytest_status)
    assert status == pytest_status


def test_ci_fails_when_the_install_fails_and_runs_no_tests(tmp_path):
    status, calls = run_ci(tmp_path, pytest_status=0, pip_status=1)
    assert status == 1
    assert "python3 -m pytest" not in calls


def test_readme_opens_with_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    opening = readme.split("\n---\n", 1)[0]
    blocks = re.findall(r"^```bash\n(.*?)\n```", opening, re.MULTILINE | re.DOTALL)
    assert blocks == README_COMMANDS


def test_ci_runs_the_readme_test_command(tmp_path):
    status, calls = run_ci(tmp_path, pytest_status=0)
    assert status == 0
    ran = [call.replace(" --quiet", "") for call in calls if call.startswith("python3 ")]
    assert ran == README_COMMANDS[1].replace('"', "").split(" && ")
