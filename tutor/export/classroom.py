"""`tutor pack export --classroom OUT/`: a GitHub Classroom template repository.

The repository holds the starters where students edit them (`<lesson>/<id>.py`, the layout of
a tutor workspace), the student edition of the pack and tutor's own code under `.tutor/`, and
an autograding workflow: it installs that tutor on the Actions runner and grades each
exercise with `tutor submit ID --json` through GitHub's command grader, `points` per
exercise, then reports with GitHub's grading reporter. Each push draws new cases (no seed is
written down: a seed in a student's repository would be known in advance).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tutor import messages as M
from tutor.export import TORCH_CPU_INDEX, copy_tutor_source, pyproject_text, torch_requirement
from tutor.pack.edition import build_student_edition
from tutor.pack.loader import load_pack

WORKFLOW = ".github/workflows/classroom.yml"
TOOL_DIR = ".tutor"
COMMAND_GRADER = "classroom-resources/autograding-command-grader@v1"
REPORTER = "classroom-resources/autograding-grading-reporter@v1"
PYTHON_VERSION = "3.11"


class ExportError(Exception):
    pass


def step_id(exercise_id: str) -> str:
    """A step id for the workflow (letters, digits, '-', '_'; starting with a letter)."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", exercise_id)
    return cleaned if cleaned[:1].isalpha() else f"x-{cleaned}"


def grade_command(exercise_id: str) -> str:
    return f"tutor --pack {TOOL_DIR}/paket --workspace . submit {exercise_id} --json"


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def workflow_text(pack) -> str:
    steps = []
    runners = []
    env = []
    for _, ex in pack.ordered_exercises():
        sid = step_id(ex.id)
        runners.append(sid)
        minutes = max(1, int(ex.timeout_s * 3 // 60) + 1)
        steps.append(
            f"      - name: {_quote(ex.title)}\n"
            f"        id: {sid}\n"
            f"        uses: {COMMAND_GRADER}\n"
            "        with:\n"
            f"          test-name: {_quote(ex.id)}\n"
            f"          command: {_quote(grade_command(ex.id))}\n"
            f"          timeout: {minutes}\n"
            f"          max-score: {ex.points:g}\n"
        )
        env.append(f'          {sid.upper()}_RESULTS: "${{{{steps.{sid}.outputs.result}}}}"\n')
    return (
        f"# {M.CLASSROOM_WORKFLOW_COMMENT}\n"
        "name: Otomatik değerlendirme\n"
        '"on":\n'
        "  - push\n"
        "  - repository_dispatch\n"
        "permissions:\n"
        "  checks: write\n"
        "  actions: read\n"
        "  contents: read\n"
        "jobs:\n"
        "  run-autograding-tests:\n"
        "    runs-on: ubuntu-latest\n"
        "    if: github.actor != 'github-classroom[bot]'\n"
        "    env:\n"
        "      TUTOR_HOME: ${{ runner.temp }}/tutor\n"
        "    steps:\n"
        "      - name: Kodu al\n"
        "        uses: actions/checkout@v4\n"
        "      - name: Python\n"
        "        uses: actions/setup-python@v5\n"
        "        with:\n"
        f'          python-version: "{PYTHON_VERSION}"\n'
        "      - name: tutor'u kur\n"
        "        run: |\n"
        f'          python -m pip install "{torch_requirement()}" --index-url {TORCH_CPU_INDEX}\n'
        f"          python -m pip install ./{TOOL_DIR}/kaynak\n"
        + "".join(steps)
        + "      - name: Sonuçları bildir\n"
        f"        uses: {REPORTER}\n"
        "        env:\n" + "".join(env) + "        with:\n"
        f"          runners: {','.join(runners)}\n"
    )


def readme_text(pack) -> str:
    rows = "".join(
        f"| `{lesson.id}/{ex.id}.py` | {ex.title} | {ex.points:g} |\n"
        for lesson, ex in pack.ordered_exercises()
    )
    return M.CLASSROOM_README.format(title=pack.manifest.title, rows=rows, tool=TOOL_DIR)


def build_template(pack_root: Path, out: Path) -> list[Path]:
    """Write the template repository into `out` (empty or absent)."""
    pack = load_pack(pack_root)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(M.EDITION_OUT_NOT_EMPTY.format(path=out))
    tool = out / TOOL_DIR
    build_student_edition(pack.root, tool / "paket")
    copy_tutor_source(tool / "kaynak")
    (tool / "kaynak" / "pyproject.toml").write_text(pyproject_text(), "utf-8")
    for lesson, ex in pack.ordered_exercises():
        target = out / lesson.id / f"{ex.id}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(pack.path(ex.starter), target)
    workflow = out / WORKFLOW
    workflow.parent.mkdir(parents=True, exist_ok=True)
    workflow.write_text(workflow_text(pack), "utf-8")
    (out / "README.md").write_text(readme_text(pack), "utf-8")
    (out / ".gitignore").write_text("__pycache__/\n*.pyc\n.yedekler/\n", "utf-8")
    return sorted(p for p in out.rglob("*") if p.is_file())
