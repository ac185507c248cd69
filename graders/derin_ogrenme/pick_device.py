"""Değerlendirici: pick_device.

CUDA'nın olduğu ve olmadığı iki durum da her makinede sınanır: motorun sürücüsü öğrencinin
sürecinde `torch.cuda.is_available` (ve `device_count`) değerini her durum için geçici olarak
değiştirir (planın `fake_cuda` alanı).
`torch.device("cuda")` yalnızca bir tanımdır; CUDA'sız bir makinede de oluşturulabilir.
Beklenen sonuç öğrencinin sürecinden değil, durumun kendisinden gelir.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import torch

from tutor import messages as M
from tutor.grading.compare import describe_type
from tutor.grading.spec import Grader, Outcome, PreparedCase, case_seed


class DeviceCase(NamedTuple):
    name: str
    args: tuple
    cuda_available: bool
    expected: str  # "cpu", "cuda" ya da "RuntimeError"


CASES = (
    DeviceCase("auto, CUDA varken", ("auto",), True, "cuda"),
    DeviceCase("auto, CUDA yokken", ("auto",), False, "cpu"),
    DeviceCase("varsayılan argüman (auto), CUDA yokken", (), False, "cpu"),
    DeviceCase("varsayılan argüman (auto), CUDA varken", (), True, "cuda"),
    DeviceCase("cpu, CUDA varken", ("cpu",), True, "cpu"),
    DeviceCase("cuda, CUDA varken", ("cuda",), True, "cuda"),
    DeviceCase("cuda, CUDA yokken: RuntimeError", ("cuda",), False, "RuntimeError"),
)


def _describe(spec: DeviceCase) -> str:
    call = f"pick_device({', '.join(repr(a) for a in spec.args)})"
    cuda = "CUDA var" if spec.cuda_available else "CUDA yok"
    return f"(Çağrı: {call}, {cuda}.)"


class PickDeviceGrader(Grader):
    symbols = ("pick_device",)

    def build_cases(self, seed: int) -> list[PreparedCase]:
        return [
            PreparedCase(i, spec.name, case_seed(seed, i), spec.args, spec)
            for i, spec in enumerate(CASES)
        ]

    # -- öğrencinin sürecinde sürücünün yapacağı (veri olarak) ------------------------------------
    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        spec: DeviceCase = case.spec
        return {
            "kind": "call",
            "symbol": "pick_device",
            "seed": case.seed,
            "args": list(spec.args),
            "kwargs": {},
            "grad_args": [],
            "catch": True,
            "fake_cuda": spec.cuda_available,
        }

    # -- değerlendirme işinde ----------------------------------------------------------------
    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        spec: DeviceCase = case.spec
        problem = self._problem(spec, result if isinstance(result, dict) else {})
        if problem is None:
            return Outcome(True, M.GRADE_OK)
        return Outcome(False, f"{problem} {_describe(spec)}")

    def _problem(self, spec: DeviceCase, result: dict) -> str | None:
        raised = result.get("raised")
        out = result.get("out")
        got_device = out.type if isinstance(out, torch.device) else None
        if "raised" not in result and got_device is None:
            result = {"other": describe_type(out), "text": str(getattr(out, "text", out))[:100]}
        if spec.expected == "RuntimeError":
            if raised == "RuntimeError":
                if not str(result.get("message", "")).strip():
                    return "RuntimeError fırlatılmış ama iletisi boş; kullanıcıya sorunu anlatın."
                return None
            if raised is not None:
                return f"RuntimeError bekleniyordu, {raised} fırlatılmış."
            if got_device is not None:
                return (
                    f"RuntimeError bekleniyordu, {got_device} cihazı döndürülmüş. CUDA istenip "
                    "de yoksa sessizce başka bir cihaza dönmeyin."
                )
            return f"RuntimeError bekleniyordu, {result.get('other', '?')} döndürülmüş."
        if raised is not None:
            message = str(result.get("message", ""))[:300]
            return f"torch.device('{spec.expected}') bekleniyordu, {raised} fırlatılmış: {message}"
        if got_device is None:
            other = result.get("other", "?")
            text = result.get("text", "")
            hint = " torch.device(...) ile sarın." if other == "str" else ""
            return f"torch.device bekleniyordu, {other} döndürülmüş ({text}).{hint}"
        if got_device != spec.expected:
            return f"Beklenen cihaz {spec.expected}, dönen {got_device}."
        return None

    def describe_case(self, case: PreparedCase) -> str:
        return _describe(case.spec)


GRADER = PickDeviceGrader()
