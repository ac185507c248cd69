"""Loading a pack is bounded: a hostile or mistyped file is a fault with its line, never a
hang, a traceback or a memory blow-up (every command and the app load the pack)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import tutor
from test_pack_loader import GOOD_LESSON, faults_of, make_pack

from tutor.pack.loader import MAX_FILE_BYTES, PackError, load_pack
from tutor.pack.scaffold import TEMPLATE
from tutor.validate import validate

# The "billion laughs" shape the issue saw: 9 aliases deep, 9 wide, 22 lines.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def _lesson_with(extra: str) -> str:
    return GOOD_LESSON + extra


def test_nested_aliases_are_refused_at_once_with_their_line(tmp_path):
    root = make_pack(tmp_path, _lesson_with("x_laughs:\n" + _indent(BILLION_LAUGHS)))
    started = time.monotonic()
    result = tutor("--pack", str(root), "list")
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert "lessons/ders.yaml:" in result.stderr and "takma ad" in result.stderr
    assert "Traceback" not in result.stderr


def _indent(text: str) -> str:
    return "".join("  " + line + "\n" for line in text.splitlines())


def test_a_few_plain_aliases_are_still_fine(tmp_path):
    text = GOOD_LESSON.replace("hints: [bir, iki, üç]", "hints: &ipuclari [bir, iki, üç]")
    text += "glossary:\n  - en: alias\n    tr: takma ad\n    description: *ipuclari\n"
    faults = faults_of(make_pack(tmp_path, text))
    # The alias expands (a list where text is expected is an ordinary schema fault).
    assert any("metin bekleniyordu, liste geldi" in f for f in faults)


def test_an_alias_that_contains_itself_is_refused(tmp_path):
    (fault,) = faults_of(make_pack(tmp_path, _lesson_with("x: &dongu [1, *dongu]\n")))
    assert fault.startswith("lessons/ders.yaml:") and "kendini içeriyor" in fault


def test_deep_nesting_is_refused_with_its_line(tmp_path):
    deep = "x: " + "[" * 40 + "]" * 40 + "\n"
    (fault,) = faults_of(make_pack(tmp_path, _lesson_with(deep)))
    assert "lessons/ders.yaml:" in fault and "çok derin" in fault
    deeper = "x: " + "[" * 5000 + "]" * 5000 + "\n"
    (fault,) = faults_of(make_pack(tmp_path / "iki", _lesson_with(deeper)))
    assert "çok derin" in fault


def test_a_huge_file_is_refused_without_being_read_whole(tmp_path):
    root = make_pack(tmp_path)
    filler = "# dolgu satırı\n" * (MAX_FILE_BYTES // 10)
    (root / "lessons/ders.yaml").write_text(GOOD_LESSON + filler, encoding="utf-8")
    (fault,) = faults_of(root)
    line = int(fault.split(":")[1])
    assert fault.startswith("lessons/ders.yaml:") and line > GOOD_LESSON.count("\n")
    assert "çok büyük" in fault


def test_values_python_cannot_hold_are_faults_not_tracebacks(tmp_path):
    cases = {
        "dev": GOOD_LESSON.replace("number: 1", "number: " + "9" * 5000),
        "nan": GOOD_LESSON.replace("    hints:", "    timeout_s: .nan\n    hints:"),
        "inf": GOOD_LESSON.replace("    hints:", "    timeout_s: .inf\n    hints:"),
        "key": GOOD_LESSON.replace("quiz:", "? [a, b]\n: x\nquiz:"),
        "nul": GOOD_LESSON.replace("starter: exercises/relu.py", 'starter: "exercises/\\0.py"'),
        # Found by the fuzz test below: a name longer than the file system allows.
        "long": GOOD_LESSON.replace("exercises/relu.py", "exercises/" + "[" * 3000 + ".py"),
    }
    for name, text in cases.items():
        faults = faults_of(make_pack(tmp_path / name, text))
        assert faults and all(f.startswith("lessons/ders.yaml") for f in faults), (name, faults)


# --- fuzzing: mutated packs load or fail with faults, quickly ---------------------------------

HOSTILE = [
    BILLION_LAUGHS,
    "x: &a [*a]\n",
    "[" * 3000,
    "{" * 50 + "}" * 50,
    "!!python/object/apply:os.system ['echo x']",
    "number: " + "7" * 6000,
    "\t- sekme",
    "\x00",
    "\ufeff",
    "&a x\n*a: *a\n",
    "<<: *yok\n",
    "? " * 200,
    "- " * 300,
    "'" * 3,
    "İğüşöçı ÅŸÄ±",
    "timeout_s: -1e309\n",
    "exercises: [{}]\n",
    "lessons: [../../etc/passwd, /etc/passwd, ~/x.yaml]\n",
]


def _template_copy(target: Path) -> dict[str, bytes]:
    shutil.copytree(TEMPLATE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return {
        str(p.relative_to(target)): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()
    }


@st.composite
def mutations(draw):
    kind = draw(st.sampled_from(["insert", "replace", "truncate", "bytes", "repeat"]))
    position = draw(st.floats(min_value=0, max_value=1))
    if kind == "insert":
        payload = draw(st.sampled_from(HOSTILE)).encode("utf-8")
    elif kind == "replace":
        payload = draw(
            st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#\n \tayğ0.")), max_size=40)
        ).encode()
    elif kind == "bytes":
        payload = draw(st.binary(min_size=1, max_size=8))
    else:
        payload = b""
    span = draw(st.integers(min_value=0, max_value=30))
    times = draw(st.integers(min_value=2, max_value=400))
    return kind, position, payload, span, times


def _mutate(data: bytes, mutation) -> bytes:
    kind, position, payload, span, times = mutation
    at = int(position * len(data))
    if kind == "truncate":
        return data[:at]
    if kind == "repeat":
        line_start = data.rfind(b"\n", 0, at) + 1
        line_end = data.find(b"\n", at)
        line = data[line_start : line_end + 1 if line_end >= 0 else len(data)]
        return data[:line_start] + line * times + data[line_start:]
    if kind == "replace":
        return data[:at] + payload + data[at + span :]
    return data[:at] + payload + data[at:]


@settings(
    max_examples=150,
    deadline=5000,  # each load (and its static validation) well under this
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    targets=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "pack.yaml",
                    "lessons/01_ornek.yaml",
                    "graders/ornek/kare.py",
                    "exercises/ornek/kare.py",
                ]
            ),
            mutations(),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_mutated_packs_load_or_fail_with_faults_never_a_traceback_or_a_hang(targets):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "paket"
        files = _template_copy(root)
        for rel, mutation in targets:
            files[rel] = _mutate(files[rel], mutation)
            (root / rel).write_bytes(files[rel])
        started = time.monotonic()
        try:
            load_pack(root)
        except PackError as exc:
            assert exc.faults
            for fault in exc.faults:
                assert isinstance(fault.line, int) and str(fault)
        report = validate(root, Path(scratch) / "ev", run_graders=False)
        assert all(str(f) for f in report.faults)
        assert time.monotonic() - started < 5


@pytest.mark.parametrize("snippet", HOSTILE, ids=range(len(HOSTILE)))
def test_each_hostile_snippet_in_a_lesson_is_a_fault(tmp_path, snippet):
    root = make_pack(tmp_path, GOOD_LESSON + snippet)
    started = time.monotonic()
    try:
        load_pack(root)
    except PackError as exc:
        assert exc.faults
    assert time.monotonic() - started < 5
