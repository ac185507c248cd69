"""Confining the learner's process with what the operating system offers.

Used inside the zygote's children (see `tutor.grading.zygote`), before any learner code runs:

- **user, PID, network and IPC namespaces** (Linux, where unprivileged user namespaces are
  allowed): the learner's process is PID 1 of a namespace of its own, so every process it
  starts dies with it and none outside it can be seen or signalled; it has no network at all.
  When tutor runs as root, the process first drops to the unprivileged user `nobody`.
- **Landlock** (Linux 5.13+; scoping needs ABI 6): the process may read the Python
  installation and write only its private temporary folder; TCP bind/connect are denied, and
  it can neither signal nor connect to an abstract socket outside its own domain.
- **resource limits**: address space (CPU grading), CPU time, file size, open files,
  processes, no core files.
- a scrubbed environment, a private temporary working directory, and a parent-death signal.

Each protection that cannot be had on this system is skipped and reported by `probe()` (for
`tutor doctor`) and by the verdict, never a reason not to grade.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import resource
import signal
import stat
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

NOBODY = 65534
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

# Names used in reports (`tutor doctor`, the verdict); texts live in tutor/messages.py.
PROTECTIONS = (
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
)


@dataclass
class Limits:
    timeout_s: float = 10.0
    memory_mb: int = 4096
    address_space: bool = True  # RLIMIT_AS; off on CUDA, whose driver maps huge ranges
    file_mb: int = 64
    open_files: int = 1024
    extra_processes: int = 64  # processes (and threads) the learner may add to its user's
    threads: int = 1


@dataclass
class Applied:
    """What actually got applied to one learner process."""

    active: list[str] = field(default_factory=list)

    def add(self, name: str) -> None:
        if name not in self.active:
            self.active.append(name)


_libc: ctypes.CDLL | None = None


def libc() -> ctypes.CDLL | None:
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    return _libc


def _prctl(option: int, value: int) -> bool:
    lib = libc()
    return lib is not None and lib.prctl(option, value, 0, 0, 0) == 0


def _unshare(flags: int) -> bool:
    lib = libc()
    return lib is not None and lib.unshare(flags) == 0


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


# ---------------------------------------------------------------------------------------------
# What may be read: the Python installation, shared libraries, a few system files
# ---------------------------------------------------------------------------------------------


def read_roots(excluded: Iterable[str]) -> list[str]:
    """Paths the learner's process may read (and map as executable), with every excluded
    path (the tutor package, packs, the tutor home) carved out of them."""
    roots: set[str] = set()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        with contextlib.suppress(KeyError):
            roots.add(sysconfig.get_paths()[key])
    for entry in sys.path:
        if (
            entry
            and os.path.isdir(entry)
            and ("site-packages" in entry or "dist-packages" in entry)
        ):
            roots.add(entry)
    dynload = os.path.join(sysconfig.get_paths().get("platstdlib", ""), "lib-dynload")
    roots.add(dynload)
    roots.update(_loaded_library_dirs())
    roots.update(("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/share/zoneinfo"))
    excluded_real = {os.path.realpath(p) for p in excluded if p}
    allowed: list[str] = []
    for root in sorted(roots):
        real = os.path.realpath(root)
        if os.path.exists(real):
            _carve(real, excluded_real, allowed)
    return _minimal(allowed)


def _loaded_library_dirs() -> set[str]:
    dirs: set[str] = set()
    with contextlib.suppress(OSError):
        with open("/proc/self/maps") as maps:
            for line in maps:
                parts = line.split(maxsplit=5)
                if len(parts) == 6 and parts[5].startswith("/") and ".so" in parts[5]:
                    dirs.add(os.path.dirname(parts[5].strip()))
    return dirs


def _carve(path: str, excluded: set[str], out: list[str]) -> None:
    if path in excluded:
        return
    inside = [e for e in excluded if e.startswith(path + "/")]
    if not inside:
        out.append(path)
        return
    with contextlib.suppress(OSError):
        for child in os.scandir(path):
            _carve(os.path.realpath(child.path), excluded, out)


def _minimal(paths: list[str]) -> list[str]:
    """Drop paths that another path of the list already covers."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path == k or path.startswith(k + "/") for k in kept):
            kept.append(path)
    return kept


READ_FILES = (
    "/etc/ld.so.cache",
    "/etc/localtime",
    "/etc/passwd",
    "/etc/group",
    "/etc/nsswitch.conf",
    "/etc/os-release",
    "/usr/lib/os-release",
)
READ_DIRS = ("/proc", "/sys/devices/system/cpu", "/sys/fs/cgroup")
DEVICE_FILES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/urandom", "/dev/random")


def landlock_abi() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    try:
        import landlockpy
    except ImportError:
        return 0
    try:
        return int(landlockpy.abi_version())
    except Exception:  # noqa: BLE001 - no Landlock is an answer, not an error
        return 0


def apply_landlock(roots: list[str], tmpdir: str, device: str, applied: Applied) -> None:
    abi = landlock_abi()
    if abi < 1:
        return
    from landlockpy import AccessFS, Ruleset, Scope, fs_for_abi, net_for_abi

    read_dir = AccessFS.READ_FILE | AccessFS.READ_DIR | AccessFS.EXECUTE
    read_file = AccessFS.READ_FILE | AccessFS.EXECUTE
    with Ruleset(
        handled_fs=fs_for_abi(abi),
        handled_net=net_for_abi(abi),
        scoped=Scope.ABSTRACT_UNIX_SOCKET | Scope.SIGNAL,
    ) as ruleset:
        for path in roots:
            _allow(ruleset, path, read_dir, read_file)
        for path in READ_FILES:
            _allow(ruleset, path, read_dir, read_file)
        for path in READ_DIRS:
            _allow(ruleset, path, read_dir, read_file)
        device_rights = AccessFS.READ_FILE | AccessFS.WRITE_FILE
        for path in DEVICE_FILES:
            _allow(ruleset, path, device_rights, device_rights)
        if device == "cuda":
            # The NVIDIA driver opens its device files and reads its state under /proc and /sys.
            _allow(ruleset, "/sys", read_dir, read_file)
            ioctl = getattr(AccessFS, "IOCTL_DEV", AccessFS(0))
            for entry in _nvidia_devices():
                _allow(ruleset, entry, device_rights | ioctl, device_rights | ioctl)
        ruleset.allow_path(tmpdir, fs_for_abi(abi))
        ruleset.restrict()
        applied.add("landlock_fs")
        if ruleset.handled_net:
            applied.add("landlock_net")
        if ruleset.scoped:
            applied.add("landlock_scope")


def _allow(ruleset, path: str, dir_rights, file_rights) -> None:
    try:
        rights = dir_rights if os.path.isdir(path) else file_rights
        ruleset.allow_path(path, rights)
    except OSError:
        pass  # a path this system does not have


def _nvidia_devices() -> list[str]:
    with contextlib.suppress(OSError):
        return [f"/dev/{name}" for name in os.listdir("/dev") if name.startswith("nvidia")]
    return []


# ---------------------------------------------------------------------------------------------
# In the supervisor (the zygote's child): privileges and namespaces
# ---------------------------------------------------------------------------------------------


def others_can_read(paths: Iterable[str]) -> bool:
    """Whether a user with no rights of its own (`nobody`) could read and enter every path
    (and every folder above it): only then may a root tutor drop to that user, since the
    learner's process must still read the Python installation."""
    seen: set[str] = set()
    for path in paths:
        current = os.path.realpath(path)
        while current not in seen:
            seen.add(current)
            try:
                mode = os.stat(current).st_mode
            except OSError:
                break
            needed = stat.S_IXOTH if stat.S_ISDIR(mode) else stat.S_IROTH
            if not mode & needed:
                return False
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
    return True


def enter_namespaces(tmpdir: str, applied: Applied, drop_to_nobody: bool = True) -> None:
    """Leave root (if we are root and `nobody` can read Python), then enter new user, PID,
    network and IPC namespaces. The next fork becomes PID 1 of the new PID namespace."""
    if not sys.platform.startswith("linux"):
        return
    uid, gid = os.getuid(), os.getgid()
    if uid == 0 and drop_to_nobody:
        with contextlib.suppress(OSError):
            os.chown(tmpdir, NOBODY, NOBODY)
        try:
            os.setgroups([])
            os.setresgid(NOBODY, NOBODY, NOBODY)
            os.setresuid(NOBODY, NOBODY, NOBODY)
            uid = gid = NOBODY
            applied.add("nobody")
        except OSError:
            pass
    # Changing credentials made the process non-dumpable, which makes its /proc files
    # root's; it must write its own uid_map below.
    _prctl(PR_SET_DUMPABLE, 1)
    if _unshare(CLONE_NEWUSER):
        try:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"0 {uid} 1")
            _write("/proc/self/gid_map", f"0 {gid} 1")
            applied.add("userns")
        except OSError:
            pass
    _prctl(PR_SET_DUMPABLE, 0)
    for flag, name in ((CLONE_NEWPID, "pidns"), (CLONE_NEWNET, "netns"), (CLONE_NEWIPC, "ipcns")):
        if _unshare(flag):
            applied.add(name)


# ---------------------------------------------------------------------------------------------
# In the learner's process, right after the fork
# ---------------------------------------------------------------------------------------------


def confine_learner(
    *,
    parent_pid: int,
    tmpdir: str,
    limits: Limits,
    roots: list[str],
    device: str,
    applied: Applied,
) -> None:
    """Everything but Landlock, which comes last (after the files it needs are read)."""
    if sys.platform.startswith("linux"):
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent_pid and "pidns" not in applied.active:
            os._exit(70)  # its parent is already gone
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
    set_limits(limits, applied)
    scrub_environment(tmpdir, limits, device)
    applied.add("env")
    os.chdir(tmpdir)
    applied.add("tmpdir")
    apply_landlock(roots, tmpdir, device, applied)


def set_limits(limits: Limits, applied: Applied) -> None:
    def limit(kind: int, value: int) -> None:
        with contextlib.suppress(ValueError, OSError):
            soft, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, value))

    limit(resource.RLIMIT_CORE, 0)
    limit(resource.RLIMIT_FSIZE, limits.file_mb * 1024 * 1024)
    limit(resource.RLIMIT_NOFILE, limits.open_files)
    cpu = int(limits.timeout_s * max(1, limits.threads)) + 2
    limit(resource.RLIMIT_CPU, cpu)
    if hasattr(resource, "RLIMIT_NPROC"):
        limit(resource.RLIMIT_NPROC, _processes_of_user() + limits.extra_processes)
    if limits.address_space:
        try:
            with open("/proc/self/status") as status:
                vm_kib = next(int(r.split()[1]) for r in status if r.startswith("VmSize:"))
            limit(resource.RLIMIT_AS, vm_kib * 1024 + limits.memory_mb * 1024 * 1024)
        except (OSError, StopIteration):
            pass
    applied.add("rlimits")


def _processes_of_user() -> int:
    """Tasks (threads count too) of this real user, which RLIMIT_NPROC counts."""
    uid = os.getuid()
    count = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
    return count


def scrub_environment(tmpdir: str, limits: Limits, device: str) -> None:
    keep = {}
    if device == "cuda":
        for name in ("CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "LD_LIBRARY_PATH"):
            if name in os.environ:
                keep[name] = os.environ[name]
    os.environ.clear()
    os.environ.update(
        {
            "PATH": "/usr/bin:/bin",
            "HOME": tmpdir,
            "TMPDIR": tmpdir,
            "LANG": "C.UTF-8",
            "OMP_NUM_THREADS": str(max(1, limits.threads)),
            "PYTORCH_NVML_BASED_CUDA_CHECK": "1",
            **keep,
        }
    )


def close_other_fds(keep_up_to: int) -> None:
    os.closerange(keep_up_to + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])


def excluded_paths() -> list[str]:
    """What the learner's process must never read even inside the allowed roots: the tutor
    package wherever it is installed (an installed package carries the built-in pack, with
    its solutions), its metadata, and a checkout that holds a pack."""
    import tutor

    package = Path(tutor.__file__).resolve().parent
    paths = [str(package)]
    folders = {package.parent} | {
        Path(entry) for entry in sys.path if entry and "-packages" in entry
    }
    for parent in folders:
        with contextlib.suppress(OSError):
            for entry in parent.iterdir():
                name = entry.name
                if name == "tutor" or name.startswith(
                    ("tutor-", "tutor.", "__editable__", "_editable_impl_tutor")
                ):
                    paths.append(str(entry))
        if (parent / "pack.yaml").exists():
            paths.append(str(parent))  # a checkout: the built-in pack is the repository
    home = os.environ.get("TUTOR_HOME")
    if home:
        paths.append(home)
    return paths
