"""amp_train_step's CUDA checks (float16 and GradScaler), run on the CPU.

The CUDA path of graders/uygulama/amp_train_step.py cannot be graded without a GPU. Here its
script runs in this process (the engine's interpreter, no sandbox) with the grader's CPU recipe
set to the CUDA one: float16 autocast and a GradScaler, both of which the CPU supports. Each
submission's CUDA branch is selected by writing "cpu" for "cuda" in its source. This exercises
the judge's scaler checks (the scale of each call, skipped steps, a scaler made anew each call or
never updated) and the reference's overflow pattern, not CUDA itself.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT, WRONG, submission_expectations

torch = pytest.importorskip("torch")

from tutor.grading.compare import RemoteTensor  # noqa: E402
from tutor.grading.driver import script as S  # noqa: E402
from tutor.grading.loops import Run, calls, order  # noqa: E402
from tutor.grading.spec import Gen, PreparedCase, case_seed  # noqa: E402

SEED = 7
CPU = torch.device("cpu")


@pytest.fixture(scope="module")
def grader(request):
    path = ROOT / "graders" / "uygulama" / "amp_train_step.py"
    spec = importlib.util.spec_from_file_location("amp_grader_on_cpu", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.RECIPES["cpu"] = module.RECIPES["cuda"]  # the CUDA recipe, on the CPU
    return module


def _cases(grader) -> dict[str, PreparedCase]:
    specs = grader.CASES + grader.CUDA_CASES
    prepared = {}
    for index, spec in enumerate(specs):
        seed = case_seed(SEED, index)
        prepared[spec.name] = PreparedCase(index, spec.name, seed, spec.make(Gen(seed)), spec)
    return prepared


def _remote(value):
    if isinstance(value, torch.Tensor):
        return RemoteTensor(value.detach().clone(), "cpu", bool(value.requires_grad))
    if isinstance(value, dict):
        return {k: _remote(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_remote(v) for v in value]
    return value


def _cuda_branch(path: Path) -> dict:
    source = path.read_text(encoding="utf-8")
    source = source.replace('"cuda"', '"cpu"').replace("x.is_cuda", "True")
    namespace: dict = {"__name__": "cozum_cuda_branch"}
    exec(compile(source, str(path), "exec"), namespace)  # noqa: S102 - the project's own files
    return namespace


def _judge(grader, case: PreparedCase, path: Path) -> tuple[str | None, Run]:
    env = S.Environment(objects=_cuda_branch(path), device=CPU)
    learner = _remote(S.run(env, list(case.data.ops)))
    reference = grader.GRADER.reference_run(case, CPU)
    run = Run(case, learner, reference, case.data.secret, CPU)
    return grader.judge(run), run


def test_reference_overflows_then_shrinks_the_scale(grader):
    case = _cases(grader)["ölçekleyici: taşma ve küçülen ölçek"]
    reference = grader.GRADER.reference_run(case, CPU)
    per_call = calls(reference["events"])
    scales = [grader._scale(events) for events in per_call]
    stepped = ["adım" in order(events) for events in per_call]
    # The first call overflows at the default scale 65536 and its step is skipped; each skip
    # halves the scale, a step taken keeps it; some steps are taken.
    assert scales[0] == 65536.0 and not stepped[0] and any(stepped), (scales, stepped)
    for k in range(len(scales) - 1):
        assert scales[k + 1] == (scales[k] if stepped[k] else scales[k] / 2), (scales, stepped)


def test_solution_passes_every_case_on_the_cuda_recipe(grader):
    solution = ROOT / "solutions" / "uygulama" / "amp_train_step.py"
    for name, case in _cases(grader).items():
        problem, _ = _judge(grader, case, solution)
        assert problem is None, (name, problem)


# float16_on_cpu.py: its CUDA branch is right (its bug is the CPU branch).
CUDA_BRANCH_BUGS = sorted(
    p for p in (WRONG / "amp_train_step").glob("*.py") if p.stem != "float16_on_cpu"
)


@pytest.mark.parametrize("path", CUDA_BRANCH_BUGS, ids=lambda p: p.stem)
def test_wrong_cuda_branch_fails_and_names_the_bug(grader, path):
    expect = submission_expectations(path)
    case = _cases(grader)[expect["beklenen-denetim"]]
    problem, _ = _judge(grader, case, path)
    assert problem is not None, path.name
    assert expect["beklenen-mesaj"] in problem, problem
