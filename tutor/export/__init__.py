"""Handing a pack to the services where classes already are: Gradescope and GitHub Classroom.

Both exports carry the student edition of the pack and a copy of tutor's own code, so that
the service grades with exactly the tutor that wrote the export.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import sys
from pathlib import Path

import tutor

# What grading needs besides torch (installed first, from the CPU-only index): the
# distribution names, as pip knows them. The app's libraries are not needed to grade.
GRADING_DEPENDENCIES = ("numpy", "PyYAML", "platformdirs", "ftfy", "landlockpy")
LINUX_ONLY = {"landlockpy"}
# What the app and the human-readable commands add, for a learner's own machine.
APP_DEPENDENCIES = ("rich", "textual", "pygments", "textual-plotext", "watchfiles")
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def torch_requirement() -> str:
    """The torch this machine grades with (without a local tag such as "+cpu")."""
    version = _version("torch")
    return f"torch=={version.split('+')[0]}" if version else "torch>=2.4,<2.15"


def requirements(names: tuple[str, ...] = GRADING_DEPENDENCIES) -> list[str]:
    """Pinned to the versions installed here: what was tested is what is installed there."""
    lines = []
    for name in names:
        version = _version(name)
        line = f"{name}=={version}" if version else name
        if name in LINUX_ONLY:
            line += "; sys_platform == 'linux'"
        lines.append(line)
    return lines


def copy_tutor_source(target: Path) -> Path:
    """A copy of the running tutor package at `target/tutor` (without the built-in pack)."""
    source = Path(tutor.__file__).resolve().parent
    destination = target / "tutor"
    shutil.copytree(
        source,
        destination,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_builtin"),
    )
    return destination


def pyproject_text() -> str:
    """A minimal pyproject for the copied package, so that `pip install DIR` installs it."""
    deps = [torch_requirement(), *requirements(GRADING_DEPENDENCIES + APP_DEPENDENCIES)]
    listed = "".join(f'    "{d}",\n' for d in deps)
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return (
        "[build-system]\n"
        'requires = ["hatchling>=1.24"]\n'
        'build-backend = "hatchling.build"\n\n'
        "[project]\n"
        'name = "tutor"\n'
        f'version = "{tutor.__version__}"\n'
        f'requires-python = ">={python}"\n'
        f"dependencies = [\n{listed}]\n\n"
        "[project.scripts]\n"
        'tutor = "tutor.cli:main"\n\n'
        "[tool.hatch.build.targets.wheel]\n"
        'packages = ["tutor"]\n'
    )
