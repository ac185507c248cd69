"""Every worked example in every lesson runs and prints exactly the output the lesson shows."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from tutor.pack.loader import load_pack

PACK = load_pack(ROOT)

_RUNNER = r"""
import contextlib, io, json, os, sys, traceback
examples = json.load(sys.stdin)
results = []
for code in examples:
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(compile(code, "<örnek>", "exec"), {"__name__": "__main__"})
        results.append({"ok": True, "out": buffer.getvalue()})
    except BaseException:
        results.append({"ok": False, "out": buffer.getvalue(), "error": traceback.format_exc(limit=3)})
json.dump(results, sys.__stdout__)
"""


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize("item", PACK.lessons, ids=lambda item: item.lesson.id)
def test_worked_examples_run_and_print_what_the_lesson_says(item, tmp_path):
    examples = [(s.title, e) for s in item.lesson.sections for e in s.examples]
    if not examples:
        pytest.skip("no examples")
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input=json.dumps([e.code for _, e in examples]),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "CUDA_VISIBLE_DEVICES": ""},
    )
    assert result.returncode == 0, result.stderr
    problems = []
    for (section, example), outcome in zip(examples, json.loads(result.stdout)):
        where = f"{section} / {example.title or example.code.splitlines()[0]}"
        if not outcome["ok"]:
            problems.append(f"{where}: hata\n{outcome['error']}")
        elif example.output and _normalise(outcome["out"]) != _normalise(example.output):
            problems.append(
                f"{where}:\n--- beklenen\n{example.output}\n--- gelen\n{outcome['out']}"
            )
    assert not problems, "\n\n".join(problems)
