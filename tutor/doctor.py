"""`tutor doctor`: what this machine offers, and what a learner's process really gets.

Two sources, side by side: what the system offers (read here, without importing torch: the
Landlock ABI, whether user namespaces may be created, the platform), and what was active in
an actual learner's process (a short probe grading through the worker, whose verdict lists the
protections the engine applied). The two differ when, say, the kernel has Landlock but the
binding is missing, or namespaces are offered but refused at run time.

Imports neither torch nor any UI library.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import platform
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor import messages as M

# What class grading needs from the operating system (TRUST.md): the learner's process must
# not read the pack or classmates' files, not signal or outlive the run.
CLASS_GRADING_NEEDS = ("landlock_fs", "pidns")


@dataclass
class Report:
    python: str = ""
    platform: str = ""
    tutor: str = __version__
    torch: str = ""
    cuda: str = ""
    landlock_abi: int = 0
    userns: str = ""
    offered: list[str] = field(default_factory=list)
    active: list[str] = field(default_factory=list)
    worker: dict[str, Any] = field(default_factory=dict)
    pack: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # grading itself does not work
    notes: list[str] = field(default_factory=list)  # it works, with less protection

    def missing_for_class_grading(self) -> list[str]:
        return [name for name in CLASS_GRADING_NEEDS if name not in self.active]

    def to_json(self) -> dict[str, Any]:
        return {
            "python": self.python,
            "platform": self.platform,
            "tutor": self.tutor,
            "torch": self.torch,
            "cuda": self.cuda,
            "landlock_abi": self.landlock_abi,
            "user_namespaces": self.userns,
            "offered": self.offered,
            "active": self.active,
            "missing_for_class_grading": self.missing_for_class_grading(),
            "worker": self.worker,
            "pack": self.pack,
            "problems": self.problems,
            "notes": self.notes,
        }


def offered_protections() -> tuple[int, str, list[str]]:
    """What the system offers, without starting anything."""
    offered = []
    abi = 0
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import landlockpy

            abi = int(landlockpy.abi_version())
        if abi >= 1:
            offered.append("landlock_fs")
        if abi >= 4:
            offered.append("landlock_net")
        if abi >= 6:
            offered.append("landlock_scope")
        userns = _userns_state()
        if userns == "yes":
            offered += ["userns", "pidns", "netns", "ipcns"]
        if os.getuid() == 0:
            offered.append("nobody")
        offered.append("rlimits")
    else:
        userns = "no"
        offered.append("rlimits")
    offered += ["env", "tmpdir"]
    return abi, userns, offered


def _userns_state() -> str:
    """'yes', 'no' or 'root' (as root, namespaces need no permission from the sysctl)."""
    if os.getuid() == 0:
        return "yes"
    for path, off in (
        ("/proc/sys/kernel/unprivileged_userns_clone", "0"),
        ("/proc/sys/user/max_user_namespaces", "0"),
        ("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1"),
    ):
        with contextlib.suppress(OSError):
            if Path(path).read_text().strip() == off:
                return "no"
    return "yes"


def diagnose(session: Any, probe: bool = True) -> Report:
    report = Report(
        python=platform.python_version(),
        platform=f"{platform.system()} {platform.release()} ({platform.machine()})",
    )
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        report.torch = importlib.metadata.version("torch")
    report.landlock_abi, report.userns, report.offered = offered_protections()
    report.pack = {"id": session.pack.id, "path": str(session.pack.root)}
    from tutor.grading import client

    path = client.socket_path(session.home)
    report.worker = {"socket": str(path), "log": str(session.home / "worker.log")}
    if not probe:
        return report
    try:
        verdict = _probe(session)
    except Exception as exc:  # noqa: BLE001 - a doctor reports, it does not crash
        report.problems.append(M.DOCTOR_PROBE_FAILED.format(exc=exc))
        return report
    info = client.ping(session.home)
    if info:
        report.worker["pid"] = info.get("pid")
        report.worker["protocol"] = info.get("protocol")
    report.active = list(verdict.protections)
    report.cuda = verdict.device
    if not verdict.passed:
        report.problems.append(M.DOCTOR_PROBE_WRONG.format(problem=verdict.first_problem()))
    for name in report.offered:
        if name not in report.active:
            shown = M.PROTECTION_NAMES.get(name, name)
            why = M.DOCTOR_WHY.get(name, "")
            report.notes.append(M.DOCTOR_NOT_ACTIVE.format(name=shown) + why)
    return report


def _probe(session: Any):
    """Grade a known-good solution of the built-in pack, as a learner's submission (whatever
    pack the session has chosen: the probe is about the machine, not the pack)."""
    from tutor.grading import client
    from tutor.pack.loader import builtin_pack_dir, load_pack

    pack = load_pack(builtin_pack_dir())
    _, exercise = pack.exercise("relu")
    solution = pack.path(exercise.solution)
    request = client.make_request(
        exercise=exercise.id,
        grader=pack.path(exercise.grader),
        file=solution,
        source=solution.read_bytes(),
        symbols=list(exercise.symbols),
        signature=exercise.signature,
        seed=1,
        device="auto",
        timeout_s=exercise.timeout_s,
        memory_mb=exercise.memory_mb,
    )
    return client.grade(request, session.home)


def render(report: Report) -> list[str]:
    yes, no = M.DOCTOR_YES, M.DOCTOR_NO
    lines = [
        M.DOCTOR_TITLE,
        f"  Python: {report.python} · {report.platform}",
        f"  tutor: {report.tutor} · torch: {report.torch or no}",
        f"  {M.DOCTOR_DEVICE}: {report.cuda or '–'}",
        f"  Landlock ABI: {report.landlock_abi or no} · "
        f"{M.DOCTOR_USERNS}: {yes if report.userns == 'yes' else no}",
        "",
        M.DOCTOR_PROTECTIONS,
    ]
    for name in (
        "landlock_fs",
        "landlock_net",
        "landlock_scope",
        "userns",
        "pidns",
        "netns",
        "ipcns",
        "nobody",
        "rlimits",
        "env",
        "tmpdir",
    ):
        offered = name in report.offered
        active = name in report.active
        mark = "✔" if active else ("✘" if offered else "·")
        state = M.DOCTOR_ACTIVE if active else (M.DOCTOR_INACTIVE if offered else M.DOCTOR_ABSENT)
        lines.append(f"  {mark} {M.PROTECTION_NAMES.get(name, name)}: {state}")
    missing = report.missing_for_class_grading()
    lines.append("")
    lines.append(
        M.DOCTOR_CLASS_OK
        if not missing
        else M.DOCTOR_CLASS_MISSING.format(
            names=", ".join(M.PROTECTION_NAMES.get(n, n) for n in missing)
        )
    )
    lines.append("")
    lines.append(
        M.DOCTOR_WORKER.format(
            pid=report.worker.get("pid", "–"),
            socket=report.worker.get("socket", "–"),
            log=report.worker.get("log", "–"),
        )
    )
    lines.append(M.DOCTOR_PACK.format(id=report.pack.get("id"), path=report.pack.get("path")))
    for problem in report.problems:
        lines.append(f"  ! {problem}")
    for note in report.notes:
        lines.append(f"  · {note}")
    return lines
