"""The README's two commands are the ones CI runs."""

from __future__ import annotations

import re

from conftest import ROOT


def _bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first, second = _bash_blocks(readme)[:2]
    assert first.startswith("python3 -m venv .venv") and first.endswith(".venv/bin/tutor")
    assert "torch==2.13.0" in first and "torch==2.13.0" in second
    assert "pytest" in second
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert second in ci.splitlines(), ".ci/run must run the README's test command verbatim"
