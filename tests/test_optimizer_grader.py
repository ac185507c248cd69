"""The optimizer grader, as a specification.

In-process tests pin down the pieces (cases, comparison, messages, tripwires); graded tests
run small learner files through the real worker, for what only a learner's process shows.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap

import pytest
import torch
from conftest import ROOT

from tutor.grading.compare import RemoteTensor
from tutor.grading.optim import (
    OptimCase,
    OptimizerGrader,
    param_argument,
    prepare,
)
from tutor.grading.spec import Gen

SEED = 3


def _grader(cases, reference=torch.optim.SGD) -> OptimizerGrader:
    return OptimizerGrader(symbol="SGD", reference=reference, cases=cases)


def _reference_steps(case, reference=torch.optim.SGD) -> list[list[torch.Tensor]]:
    """What an honest learner's process would send back: PyTorch's own path."""
    data = case.data
    params = [torch.nn.Parameter(t.clone()) for t in data.params]
    optimizer = reference(param_argument(data, params), **data.kwargs)
    steps = []
    for grads in data.grads:
        for p, g in zip(params, grads):
            p.grad = None if g is None else g.clone()
        optimizer.step()
        steps.append([p.detach().clone() for p in params])
    return steps


def _remote(steps) -> dict:
    return {
        "steps": [[RemoteTensor(t, "cpu", True, True) for t in row] for row in steps],
        "cleared": [None] * len(steps[0]),
        "graph_recorded": False,
        "graph_line": None,
        "not_leaf": None,
        "forbidden": [],
    }


# --- cases ---------------------------------------------------------------------------------------


def test_a_case_is_the_same_for_the_same_seed_and_has_none_where_asked():
    spec = OptimCase("c", kwargs={"lr": 0.1}, steps=6, grad_none=((1, 2, 3), (2, 1, 6)))
    a, b = prepare(spec, Gen(5)), prepare(spec, Gen(5))
    assert all(torch.equal(x, y) for x, y in zip(a.params, b.params))
    assert [[g is None for g in row] for row in a.grads] == [
        [False, False, True],
        [False, True, True],
        [False, True, True],
        [False, False, True],
        [False, False, True],
        [False, False, True],
    ]
    assert len(a.grads) == 6 and a.grads[0][0].shape == a.params[0].shape


def test_groups_name_parameters_by_index_and_keep_their_overrides():
    spec = OptimCase(
        "g", kwargs={"lr": 0.1}, groups=({"params": (0, 2)}, {"params": (1,), "lr": 0.01})
    )
    data = prepare(spec, Gen(1))
    params = [torch.nn.Parameter(t) for t in data.params]
    groups = param_argument(data, params)
    assert [len(g["params"]) for g in groups] == [2, 1]
    assert groups[0]["params"][1] is params[2] and groups[1]["lr"] == 0.01
    assert "lr" not in groups[0]


def test_the_description_names_parameters_settings_and_missing_gradients():
    grader = _grader(
        [OptimCase("c", kwargs={"lr": 0.1, "momentum": 0.9}, grad_none=((1, 5, 9), (2, 1, 25)))]
    )
    (case,) = grader.build_cases(SEED)
    text = grader.describe_case(case)
    assert "p0 (4, 3)" in text and "lr=0.1, momentum=0.9" in text
    assert "p1 (5–9. adımlarda)" in text and "p2 (bütün adımlarda)" in text and "25 adım" in text


# --- comparison -------------------------------------------------------------------------------------


def test_pytorchs_own_path_passes():
    grader = _grader([OptimCase("c", kwargs={"lr": 0.1, "momentum": 0.9}, grad_none=((1, 4, 6),))])
    (case,) = grader.build_cases(SEED)
    outcome = grader.check_case(case, _remote(_reference_steps(case)), torch.device("cpu"))
    assert outcome.passed, outcome.message


def test_the_first_step_where_the_paths_part_is_named_with_the_parameter_and_the_position():
    grader = _grader([OptimCase("c", kwargs={"lr": 0.1, "momentum": 0.9})])
    (case,) = grader.build_cases(SEED)
    steps = _reference_steps(case)
    for row in steps[2:]:  # from step 3 on, p1[2] is off by 0.5
        row[1] = row[1].clone()
        row[1][2] += 0.5
    outcome = grader.check_case(case, _remote(steps), torch.device("cpu"))
    assert not outcome.passed
    assert outcome.message.startswith(
        "Parametreler 3. adımda ayrışıyor: p1 parametresinde en büyük fark 0.5"
    )
    assert "[2] konumunda" in outcome.message


def test_a_nan_parameter_is_reported_as_nan():
    grader = _grader([OptimCase("c", kwargs={"lr": 0.1})])
    (case,) = grader.build_cases(SEED)
    steps = _reference_steps(case)
    steps[0][0] = torch.full_like(steps[0][0], float("nan"))
    outcome = grader.check_case(case, _remote(steps), torch.device("cpu"))
    assert "1. adımda" in outcome.message and "gelen nan" in outcome.message


def test_a_wrong_dtype_and_missing_steps_are_named():
    grader = _grader([OptimCase("c", kwargs={"lr": 0.1}, steps=4)])
    (case,) = grader.build_cases(SEED)
    steps = _reference_steps(case)
    short = _remote(steps[:2])
    assert "yalnızca 2 tanesinin" in grader.check_case(case, short, torch.device("cpu")).message
    steps[0][2] = steps[0][2].double()
    assert (
        "veri tipi farklı" in grader.check_case(case, _remote(steps), torch.device("cpu")).message
    )


def test_gradients_left_by_zero_grad_fail_after_correct_steps():
    grader = _grader([OptimCase("c", kwargs={"lr": 0.1})])
    (case,) = grader.build_cases(SEED)
    result = _remote(_reference_steps(case))
    result["cleared"] = [None, True, False]
    outcome = grader.check_case(case, result, torch.device("cpu"))
    assert "zero_grad() gradyanları temizlemedi: p2" in outcome.message


# --- tripwires and the step_lr reference -------------------------------------------------------------


def test_armed_tripwires_leave_no_way_back_to_torch_optim():
    """Blocking rewrites torch.optim for good, so it is tried in a process of its own."""
    script = textwrap.dedent(
        """
        import torch
        from tutor.grading.driver import kinds
        from tutor.grading.driver.guard import Forbidden, Guard

        tripwires = kinds.OPTIM_TRIPWIRES
        tripwires.install()
        assert tripwires.classes[torch.optim.Adam] == "torch.optim.Adam"
        assert "torch.optim.lr_scheduler.StepLR" in tripwires.classes.values()
        sent = []
        guard = Guard("<cozum>", [], sent.append)
        tripwires.arm(guard)
        p = torch.nn.Parameter(torch.ones(3))
        try:
            torch.optim.SGD([p], lr=0.1)
        except Forbidden:
            pass
        else:
            raise SystemExit("SGD still works")
        assert sent and sent[0]["call"] == "torch.optim.SGD", sent
        # The base class stays: a learner's own optimizer is built on it.
        class Mine(torch.optim.Optimizer):
            def __init__(self, params):
                super().__init__(params, {"lr": 0.1})
        Mine([p]).zero_grad()
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr[-2000:]


def test_the_step_lr_reference_is_torchs_step_lr_in_closed_form():
    spec = importlib.util.spec_from_file_location(
        "step_lr_grader", ROOT / "graders/optimizasyon/step_lr.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for epoch in (0, 1, 2, 3, 7, 20, 41):
        for step_size in (1, 3, 10):
            for gamma in (0.1, 0.5, 0.9):
                closed = 0.2 * gamma ** (epoch // step_size)
                assert module.step_lr_reference(epoch, 0.2, step_size, gamma) == pytest.approx(
                    closed, rel=1e-12
                )


# --- through the real worker ---------------------------------------------------------------------------

SGD_HEADER = """
import torch
from torch.optim import Optimizer


class SGD(Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov))
"""

PLAIN_STEP = """
    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    p.add_(p.grad, alpha=-group["lr"])
"""


def _grade(session, tmp_path, source: str, exercise_id: str = "sgd"):
    path = tmp_path / f"{exercise_id}.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    _, exercise = session.pack.exercise(exercise_id)
    return session.grade_file(exercise, path, seed=SEED, device="cpu")


def _check(verdict, name):
    return next(c for c in verdict.checks if c.name == name)


def test_a_zero_grad_that_does_nothing_fails_with_a_message_naming_zero_grad(session, tmp_path):
    source = SGD_HEADER + PLAIN_STEP + "\n    def zero_grad(self):\n        pass\n"
    verdict = _grade(session, tmp_path, source)
    check = _check(verdict, "yalnızca öğrenme oranı")
    assert not check.passed and "zero_grad() gradyanları temizlemedi" in check.message


def test_a_plain_class_without_optimizer_passes_list_cases_and_fails_only_on_groups(
    session, tmp_path
):
    source = """
    import torch


    class SGD:
        def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
            self.params, self.lr, self.wd = list(params), lr, weight_decay
            self.momentum, self.nesterov, self.buffers = momentum, nesterov, {}

        def zero_grad(self):
            for p in self.params:
                p.grad = None

        @torch.no_grad()
        def step(self):
            for p in self.params:
                if p.grad is None:
                    continue
                d_p = p.grad + self.wd * p
                if self.momentum:
                    buf = self.buffers.get(p)
                    buf = d_p.clone() if buf is None else buf.mul_(self.momentum).add_(d_p)
                    self.buffers[p] = buf
                    d_p = d_p + self.momentum * buf if self.nesterov else buf
                p.sub_(self.lr * d_p)
    """
    verdict = _grade(session, tmp_path, source)
    failed = [c.name for c in verdict.checks if not c.passed]
    assert failed == ["farklı öğrenme oranlı parametre grupları"], verdict.checks


def test_a_step_that_switches_requires_grad_off_is_caught(session, tmp_path):
    source = (
        SGD_HEADER
        + """
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    p.requires_grad_(False)
                    p.sub_(group["lr"] * p.grad)
"""
    )
    verdict = _grade(session, tmp_path, source)
    check = _check(verdict, "yalnızca öğrenme oranı")
    assert not check.passed and "requires_grad=False" in check.message


def test_a_fused_kernel_reached_through_getattr_is_forbidden(session, tmp_path):
    source = (
        SGD_HEADER
        + """
    @torch.no_grad()
    def step(self):
        kernel = getattr(torch, "_fused_" + "sgd_")
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            kernel(params, [p.grad for p in params], [], weight_decay=0.0, momentum=0.0,
                   lr=group["lr"], dampening=0.0, nesterov=False, maximize=False, is_first_step=False)
"""
    )
    verdict = _grade(session, tmp_path, source)
    assert verdict.error is not None and verdict.error.kind == "forbidden"
    assert "fused_sgd" in verdict.error.message


def test_torch_optims_functional_kernel_reached_through_importlib_is_forbidden(session, tmp_path):
    source = (
        SGD_HEADER
        + """
    @torch.no_grad()
    def step(self):
        import importlib

        functional = importlib.import_module("torch.optim." + "sg" + "d")
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            getattr(functional, "s" + "gd")(
                params, [p.grad for p in params], [None] * len(params),
                weight_decay=0.0, momentum=0.0, lr=group["lr"], dampening=0.0,
                nesterov=False, maximize=False,
            )
"""
    )
    verdict = _grade(session, tmp_path, source)
    assert verdict.error is not None and verdict.error.kind == "forbidden"
    assert "torch.optim.sgd.sgd" in verdict.error.message


def test_a_hidden_torch_optimizer_inside_the_learners_class_is_forbidden_at_its_line(
    session, tmp_path
):
    source = """
    import torch


    class SGD:
        def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
            make = getattr(torch.optim, "S" + "GD")
            self.inner = make(params, lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)

        def zero_grad(self):
            self.inner.zero_grad()

        def step(self):
            self.inner.step()
    """
    verdict = _grade(session, tmp_path, source)
    assert verdict.error is not None and verdict.error.kind == "forbidden"
    assert "torch.optim.SGD" in verdict.error.message and verdict.error.line == 8
