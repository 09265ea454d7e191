"""The lock files pin exactly what pyproject.toml asks for, with hashes, run apart from tests."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from eurobrew.config import PROJECT_ROOT

RUN_LOCK = PROJECT_ROOT / "requirements" / "requirements-run.txt"
TEST_LOCK = PROJECT_ROOT / "requirements" / "requirements-test.txt"
BUILD_IN = PROJECT_ROOT / "requirements" / "build.in"
WAPITI_IN = PROJECT_ROOT / "scripts" / "security" / "requirements-wapiti.in"
WAPITI_LOCK = PROJECT_ROOT / "scripts" / "security" / "requirements-wapiti.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
PROJECT_VIA = "eurobrew (pyproject.toml)"
# Tools a production environment must not carry.
TEST_TOOLS = {"pytest", "hypothesis", "ruff", "playwright", "pytest-playwright", "aiosmtpd", "uv"}


def pinned(lock: Path) -> dict[str, set[Version]]:
    """Each package of a lock file and the versions it pins (one per environment marker)."""
    pins: dict[str, set[Version]] = {}
    for line in lock.read_text().splitlines():
        match = PIN.match(line)
        if match:
            pins.setdefault(canonicalize_name(match[1]), set()).add(Version(match[2]))
    return pins


def asked_by_project(lock: Path) -> set[str]:
    """The packages the lock says it pinned because pyproject.toml names them."""
    asked, current = set(), None
    for line in lock.read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match[1])
        elif current and line.strip().lstrip("#").strip() in (f"via {PROJECT_VIA}", PROJECT_VIA):
            asked.add(current)
    return asked


def requirements(pyproject: Path, extras: tuple[str, ...]) -> list[Requirement]:
    """The project's dependencies plus those of ``extras``."""
    project = tomllib.loads(pyproject.read_text())["project"]
    listed = list(project["dependencies"])
    for extra in extras:
        listed += project["optional-dependencies"][extra]
    return [Requirement(text) for text in listed]


def mismatches(pyproject: Path, lock: Path, extras: tuple[str, ...]) -> list[str]:
    """What in ``lock`` does not match pyproject.toml's requirements (empty when it all does)."""
    wanted = requirements(pyproject, extras)
    pins = pinned(lock)
    problems = []
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        versions = pins.get(name)
        if not versions:
            problems.append(f"{requirement} is not in {lock.name}; run `make lock`")
        elif not any(requirement.specifier.contains(v, prereleases=True) for v in versions):
            shown = ", ".join(map(str, sorted(versions)))
            problems.append(f"{requirement} is locked at {shown}; run `make lock`")
    stale = asked_by_project(lock) - {canonicalize_name(r.name) for r in wanted}
    for name in sorted(stale):
        problems.append(f"{name} is locked for pyproject.toml, which no longer asks for it")
    return problems


def test_run_lock_matches_pyproject():
    assert mismatches(PROJECT_ROOT / "pyproject.toml", RUN_LOCK, ()) == []


def test_test_lock_matches_pyproject():
    assert mismatches(PROJECT_ROOT / "pyproject.toml", TEST_LOCK, ("test",)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('"WTForms>=3.3",', '"WTForms>=3.3",\n    "rich>=13",'), "rich>=13 is not in"),
        (('"Flask>=3.1",', '"Flask>=99",'), "Flask>=99 is locked at"),
        (('    "Markdown>=3.6",\n', ""), "markdown is locked for pyproject.toml"),
    ],
    ids=["added", "raised", "removed"],
)
def test_a_pyproject_change_without_make_lock_is_caught(tmp_path, change, expected):
    pyproject = tmp_path / "pyproject.toml"
    text = (PROJECT_ROOT / "pyproject.toml").read_text()
    assert change[0] in text
    pyproject.write_text(text.replace(change[0], change[1], 1))
    problems = mismatches(pyproject, RUN_LOCK, ())
    assert len(problems) == 1 and expected in problems[0], problems


def test_serving_installs_no_test_tools():
    assert TEST_TOOLS & set(pinned(RUN_LOCK)) == set()
    assert set(pinned(TEST_LOCK)) >= TEST_TOOLS


def test_run_and_test_locks_agree_on_shared_versions():
    run, test = pinned(RUN_LOCK), pinned(TEST_LOCK)
    assert set(run) <= set(test)
    assert {name: run[name] for name in run} == {name: test[name] for name in run}


@pytest.mark.parametrize("lock", [RUN_LOCK, TEST_LOCK, WAPITI_LOCK], ids=lambda p: p.name)
def test_every_pin_has_hashes(lock):
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text())
    pins = [block for block in blocks if PIN.match(block)]
    assert pins
    assert [block.split()[0] for block in pins if "--hash=sha256:" not in block] == []


def test_the_builder_in_the_lock_is_the_one_pyproject_builds_with():
    build_system = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["build-system"]
    listed = [line for line in BUILD_IN.read_text().splitlines() if not line.startswith("#")]
    assert [r for r in listed if r.strip()] == build_system["requires"]
    assert "setuptools" in pinned(RUN_LOCK)


def test_wapiti_lock_pins_what_its_input_names():
    lines = WAPITI_IN.read_text().splitlines()
    wanted = [Requirement(line) for line in lines if line[:1].isalnum()]
    pins = pinned(WAPITI_LOCK)
    for requirement in wanted:
        versions = pins.get(canonicalize_name(requirement.name), set())
        assert any(requirement.specifier.contains(v) for v in versions), requirement
