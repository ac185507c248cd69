"""ModuleGrader: what it says about a learner's nn.Module, case by case.

The realistic wrong submissions in wrong/ go through the whole engine. These tests drive the
grader and the engine's driver directly, in this process (plans and results still make the
round trip through the wire format), for the messages and rules those files do not pin down.
"""

from __future__ import annotations

import textwrap

import torch
from conftest import ROOT
from torch import nn

from tutor import messages as M
from tutor.grading import wire
from tutor.grading.driver import kinds
from tutor.grading.driver.guard import Guard
from tutor.grading.job import load_grader
from tutor.grading.modules import (
    ModuleGrader,
    eval_step,
    fresh_value,
    init_constant,
    init_within,
    module_case,
    train_step,
)
from tutor.grading.sandbox import decode_frame
from tutor.grading.spec import Case, inputs

GRADERS = ROOT / "graders" / "moduller"


def grade(grader: ModuleGrader, source: str, seed: int = 3) -> list[tuple[str, bool, str]]:
    """Run every case in this process: the plan as data, the driver, the wire, check_case."""
    namespace: dict = {"__name__": "cozum"}
    code = textwrap.dedent(source)
    exec(compile(code, "<cozum>", "exec"), namespace)  # noqa: S102
    device = torch.device("cpu")
    context = kinds.Context(
        namespace, Guard("<cozum>", [], lambda m: None), device, "<cozum>", code
    )
    outcomes = []
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as in the learner's process; also faster on a busy machine
    try:
        for case in grader.build_cases(seed):
            plan = {**grader.plan(case, device), "index": case.index}
            value = kinds.run_case(context, wire.loads(wire.dumps(plan)))
            result = decode_frame(wire.dumps(value))
            outcome = grader.check_case(case, result, device)
            outcomes.append((case.name, outcome.passed, outcome.message))
    finally:
        torch.set_num_threads(threads)
    return outcomes


def first_failure(outcomes) -> str:
    failed = [message for _, passed, message in outcomes if not passed]
    assert failed, "every case passed"
    return failed[0]


def pack_grader(name: str) -> ModuleGrader:
    grader = load_grader(str(GRADERS / f"{name}.py"))
    assert isinstance(grader, ModuleGrader)
    return grader


def solution(name: str) -> str:
    return (ROOT / "solutions" / "moduller" / f"{name}.py").read_text(encoding="utf-8")


LINEAR = ModuleGrader(
    symbol="Linear",
    reference=nn.Linear,
    init_names=("in_features", "out_features", "bias"),
    shape_docs={"weight": "out_features, in_features", "bias": "out_features"},
    attributes=("bias",),
    cases=[
        Case(
            "5 → 3",
            lambda g: module_case(
                inputs(5, 3), train_step(g.randn(4, 5)), eval_step(g.randn(2, 5))
            ),
        ),
        Case(
            "bias=False", lambda g: module_case(inputs(5, 3, bias=False), train_step(g.randn(4, 5)))
        ),
    ],
)

GOOD_LINEAR = """
import math, torch
from torch import nn

class Linear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        k = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-k, k))
        if bias:
            self.bias = nn.Parameter(torch.empty(out_features).uniform_(-k, k))
        else:
            self.register_parameter("bias", None)

    def forward(self, x):
        y = x @ self.weight.T
        return y if self.bias is None else y + self.bias
"""


def test_a_correct_linear_passes_every_case_at_several_seeds():
    for seed in (1, 2, 3):
        assert all(passed for _, passed, _ in grade(LINEAR, GOOD_LINEAR, seed)), seed


def test_parameters_with_other_names_fail_naming_the_expected_ones():
    source = GOOD_LINEAR.replace("self.weight", "self.W").replace("self.bias", "self.b")
    source = source.replace('register_parameter("bias", None)', 'register_parameter("b", None)')
    message = first_failure(grade(LINEAR, source))
    assert (
        "Beklenen: weight, bias; sizinkiler: W, b (eksik: weight, bias; beklenmeyen: W, b)"
        in message
    )


def test_a_transposed_weight_gets_the_shape_pytorch_expects_and_what_it_means():
    source = GOOD_LINEAR.replace(
        "empty(out_features, in_features)", "empty(in_features, out_features)"
    )
    source = source.replace("x @ self.weight.T", "x @ self.weight")
    message = first_failure(grade(LINEAR, source))
    assert message.startswith(
        "weight şekli (3, 5) olmalı (out_features, in_features); sizinki (5, 3)."
    )


def test_bias_false_without_any_bias_attribute_asks_for_none():
    source = GOOD_LINEAR.replace('self.register_parameter("bias", None)', "pass")
    source = source.replace(
        "return y if self.bias is None else y + self.bias",
        "return y + self.bias if hasattr(self, 'bias') else y",
    )
    outcomes = dict((name, (passed, message)) for name, passed, message in grade(LINEAR, source))
    assert outcomes["5 → 3"][0]
    passed, message = outcomes["bias=False"]
    assert not passed
    assert message.startswith(M.MOD_ATTR_MISSING.format(name="bias"))


def test_a_weight_that_does_not_require_grad_is_named():
    source = GOOD_LINEAR.replace(
        "self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-k, k))",
        "self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-k, k), requires_grad=False)",
    )
    assert first_failure(grade(LINEAR, source)).startswith(
        M.MOD_NO_REQUIRES_GRAD.format(name="weight")
    )


def test_float64_weights_are_a_dtype_error_not_silently_cast():
    source = GOOD_LINEAR.replace(
        "empty(out_features, in_features)", "empty(out_features, in_features, dtype=torch.float64)"
    )
    source = source.replace("x @ self.weight.T", "x.double() @ self.weight.T")
    message = first_failure(grade(LINEAR, source))
    assert message.startswith("weight veri tipi torch.float32 olmalı; sizinki torch.float64.")


def test_a_forward_that_changes_a_weight_in_place_is_caught_by_the_state_after_the_step():
    source = GOOD_LINEAR.replace(
        "        y = x @ self.weight.T",
        "        self.weight.data.mul_(0.5)\n        y = x @ self.weight.T",
    )
    message = first_failure(grade(LINEAR, source))
    assert "Adımdan sonra weight" in message or "Çıktı" in message
    assert message.startswith("1. adım (eğitim kipi, train()):")


def test_a_class_that_is_not_a_module_is_told_to_subclass_nn_module():
    source = """
    class Linear:
        def __init__(self, in_features, out_features, bias=True):
            pass
    """
    message = first_failure(grade(LINEAR, source))
    assert message.startswith(M.MOD_NOT_MODULE.format(symbol="Linear", type="Linear"))


def test_a_module_without_forward_is_told_so_not_that_it_is_unwritten():
    source = GOOD_LINEAR.replace("def forward(self, x):", "def foward(self, x):")
    assert first_failure(grade(LINEAR, source)).startswith(M.MOD_NO_FORWARD.format(symbol="Linear"))


def test_the_case_description_shows_the_constructor_and_every_step():
    message = first_failure(grade(LINEAR, GOOD_LINEAR.replace("y + self.bias", "y - self.bias")))
    assert (
        "(Kurulum: Linear(5, 3); adımlar: 1) eğitim [x: (4, 5)]; 2) değerlendirme [x: (2, 5)].)"
        in message
    )


# --- buffers: BatchNorm1d ---------------------------------------------------------------------


def test_batchnorm_without_num_batches_tracked_passes():
    source = (
        solution("batchnorm1d")
        .replace(
            '        self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long))\n',
            "",
        )
        .replace("                self.num_batches_tracked += 1\n", "")
    )
    assert "num_batches_tracked" not in source
    assert all(passed for _, passed, _ in grade(pack_grader("batchnorm1d"), source))


def test_num_batches_tracked_if_present_must_be_an_int64_counter():
    source = solution("batchnorm1d").replace(
        "torch.tensor(0, dtype=torch.long)", "torch.tensor(0.0)"
    )
    message = first_failure(grade(pack_grader("batchnorm1d"), source))
    assert message.startswith(
        "num_batches_tracked veri tipi torch.int64 olmalı; sizinki torch.float32."
    )


def test_num_batches_tracked_if_present_must_count_training_steps():
    source = solution("batchnorm1d").replace("self.num_batches_tracked += 1", "pass")
    message = first_failure(grade(pack_grader("batchnorm1d"), source))
    assert "Adımdan sonra num_batches_tracked" in message


def test_a_running_mean_kept_as_a_plain_attribute_asks_for_register_buffer():
    source = solution("batchnorm1d").replace(
        'self.register_buffer("running_mean", torch.zeros(num_features))',
        "self.running_mean = torch.zeros(num_features)",
    )
    message = first_failure(grade(pack_grader("batchnorm1d"), source))
    assert message.startswith(M.MOD_PLAIN_BUFFER.format(name="running_mean"))


def test_a_non_persistent_buffer_is_missing_from_the_state_dict():
    source = solution("batchnorm1d").replace(
        'self.register_buffer("running_var", torch.ones(num_features))',
        'self.register_buffer("running_var", torch.ones(num_features), persistent=False)',
    )
    message = first_failure(grade(pack_grader("batchnorm1d"), source))
    assert message.startswith(M.MOD_STATE_KEYS.format(missing="running_var", unexpected=M.MOD_NONE))


def test_running_var_starting_at_zero_is_an_init_error_even_though_outputs_would_match():
    source = solution("batchnorm1d").replace(
        'self.register_buffer("running_var", torch.ones(num_features))',
        'self.register_buffer("running_var", torch.zeros(num_features))',
    )
    message = first_failure(grade(pack_grader("batchnorm1d"), source))
    assert message.startswith("running_var başlangıçta her yerde 1 olmalı")


# --- free layer names: MLP ---------------------------------------------------------------------


def test_mlp_layers_may_be_named_freely_and_registered_in_any_order():
    source = """
    import torch
    from torch import nn

    class MLP(nn.Module):
        def __init__(self, in_features=784, hidden=512, num_classes=10):
            super().__init__()
            self.out = nn.Linear(hidden, num_classes)
            self.second = nn.Linear(hidden, hidden)
            self.first = nn.Linear(in_features, hidden)

        def forward(self, x):
            x = torch.relu(self.first(x.flatten(1)))
            return self.out(torch.relu(self.second(x)))
    """
    assert all(passed for _, passed, _ in grade(pack_grader("mlp"), source))


def test_an_mlp_of_raw_parameters_is_matched_by_registration_order():
    source = """
    import torch
    from torch import nn

    class MLP(nn.Module):
        def __init__(self, in_features=784, hidden=512, num_classes=10):
            super().__init__()
            sizes = [(hidden, in_features), (hidden, hidden), (num_classes, hidden)]
            self.weights = nn.ParameterList()
            self.biases = nn.ParameterList()
            for out, inp in sizes:
                self.weights.append(nn.Parameter(torch.randn(out, inp) / inp ** 0.5))
                self.biases.append(nn.Parameter(torch.zeros(out)))

        def forward(self, x):
            x = x.flatten(1)
            for i, (w, b) in enumerate(zip(self.weights, self.biases)):
                x = x @ w.T + b
                if i < 2:
                    x = torch.relu(x)
            return x
    """
    assert all(passed for _, passed, _ in grade(pack_grader("mlp"), source))


def test_an_mlp_with_an_extra_layer_gets_the_parameter_count():
    source = solution("mlp").replace(
        "nn.Linear(hidden, num_classes),",
        "nn.Linear(hidden, hidden),\n            nn.Linear(hidden, num_classes),",
    )
    message = first_failure(grade(pack_grader("mlp"), source))
    assert message.startswith("Parametre sayısı 669.706 olmalı; sizinki 932.362.")


# --- random steps: Dropout ---------------------------------------------------------------------


def test_dropout_survivors_scaled_by_one_minus_p_are_told_the_exact_factor():
    source = solution("dropout").replace("x * keep / (1.0 - self.p)", "x * keep * (1.0 - self.p)")
    message = first_failure(grade(pack_grader("dropout"), source))
    assert "tam olarak x / (1 - p) = x / 0.5 olmalı" in message


def test_dropout_with_a_detached_output_has_no_gradient():
    source = solution("dropout").replace(
        "return x * keep / (1.0 - self.p)", "return x.detach() * keep / (1.0 - self.p)"
    )
    message = first_failure(grade(pack_grader("dropout"), source))
    assert M.CMP_NO_GRAD.format(name="x") in message


# --- helpers -----------------------------------------------------------------------------------


def test_init_within_accepts_pytorch_init_and_names_the_bound():
    check = init_within(lambda a: 1 / a["n"] ** 0.5, "1/√n")
    torch.manual_seed(0)
    assert check({"n": 4}, dict(nn.Linear(4, 20).named_parameters())) is None
    message = check({"n": 4}, {"weight": torch.full((20, 4), 0.9)})
    assert message is not None and "±0.5 (1/√n)" in message


def test_init_constant_names_the_first_wrong_position():
    check = init_constant({"running_var": 1.0})
    assert check({}, {"running_var": torch.ones(3)}) is None
    assert "[2] konumunda 0" in check({}, {"running_var": torch.tensor([1.0, 1.0, 0.0])})


def test_fresh_values_are_reproducible_and_keep_variances_positive():
    a = fresh_value(5, 1, "running_var", (100,), torch.float32)
    assert torch.equal(a, fresh_value(5, 1, "running_var", (100,), torch.float32))
    assert bool((a > 0).all())
    assert not torch.equal(a, fresh_value(5, 2, "running_var", (100,), torch.float32))
