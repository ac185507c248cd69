"""`tutor pack validate` reports every problem in one run, as `path:line: [id] message`, and
proves the pack by grading: solutions on several seeds, starters, known-wrong submissions."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, WRONG
from instructor_packs import LESSON_HEAD, lesson_text, small_pack
from test_cli import tutor

from tutor.jobs import DeadlinePassed, call_with_deadline
from tutor.validate import declared_symbols, validate

SEEDS = [7, 11]


def _validate(root: Path, home: Path, **options):
    return validate(root, home, seeds=options.pop("seeds", SEEDS), **options)


def _texts(report) -> list[str]:
    return [str(f) for f in report.faults]


def test_one_run_reports_every_problem_with_path_line_and_exercise(tmp_path, tutor_home):
    exercises = {"relu": 1.0, "sigmoid": 1.0, "softmax": 1.0}
    lesson = (
        lesson_text(exercises)
        .replace("summary: Kısa bir özet.", "summary: Kısa bir özet.\nozet: fazladan alan")
        .replace("symbols: [relu]", "symbols: [relu, yardimci]")
        .replace("          4\n", "          5\n")
    )
    root = small_pack(tmp_path, exercises, lesson=lesson)
    starter = root / "exercises/sigmoid.py"
    starter.write_bytes(
        ("# Türkçe açıklama: çıktıyı siz yazın\n" + starter.read_text("utf-8")).encode(
            "cp1254", errors="replace"
        )
    )
    grader = root / "graders/softmax.py"
    grader.write_text(grader.read_text("utf-8") + "\nTANIMSIZ_AD + 1\n", encoding="utf-8")
    (root / "lessons/iki.yaml").write_text(
        lesson_text({"relu": 1.0}).replace("id: tensorler", "id: ikinci"), encoding="utf-8"
    )
    (root / "pack.yaml").write_text(
        "id: p\ntitle: P\nlessons: [lessons/ders.yaml, lessons/iki.yaml]\n", encoding="utf-8"
    )

    report = _validate(root, tutor_home)
    text = "\n".join(_texts(report))
    assert "lessons/ders.yaml:5: bilinmeyen alan 'ozet'" in text
    assert "lessons/iki.yaml:25: 'relu' kimlikli alıştırma iki kez tanımlanmış" in text
    assert "exercises/sigmoid.py:1: [sigmoid] dosya UTF-8 değil, Windows-1254" in text
    assert "lessons/ders.yaml:28: [relu] symbols listesi (relu, yardimci)" in text
    assert "solutions/relu.py:1: [relu] örnek çözüm dosyası 'yardimci' adını tanımlamıyor" in text
    assert "lessons/ders.yaml:14: 'Toplama' örneğinin çıktısı" in text and "'5'" in text
    # A grader fault is the grader's, said once, with its id; never the solution's.
    grader_faults = [f for f in report.faults if f.exercise == "softmax"]
    assert len(grader_faults) == 1, grader_faults
    assert str(grader_faults[0]).startswith("graders/softmax.py:")
    assert "değerlendiricide hata" in str(grader_faults[0])
    assert "NameError" in str(grader_faults[0])
    assert str(root) not in str(grader_faults[0]), "paths in messages are relative"
    assert not any(Path(f.file).is_absolute() for f in report.faults)


def test_a_grader_that_passes_on_one_seed_and_not_another_is_flaky(tmp_path, tutor_home):
    from tutor.grading.spec import case_seed

    root = small_pack(tmp_path, {"relu": 1.0})
    (root / "graders/relu.py").write_text(
        "import torch\n"
        "from tutor.grading.spec import Case, FunctionGrader, inputs\n\n"
        "def kaygan(x):\n"
        "    # Wrong for inputs that are all negative: the solution fails only then.\n"
        "    return torch.relu(x) if (x > 0).any() else x\n\n"
        "GRADER = FunctionGrader(\n"
        "    symbol='relu',\n"
        "    reference=kaygan,\n"
        "    cases=[Case('bazen', lambda g: inputs(g.randn(3) if g.integer(0, 1) else -g.uniform(3) - 1))],\n"
        ")\n",
        encoding="utf-8",
    )
    draws = {s: random.Random(case_seed(s, 0)).randint(0, 1) for s in range(1, 200)}
    seeds = [
        next(s for s, d in draws.items() if d == 1),
        next(s for s, d in draws.items() if d == 0),
    ]
    report = _validate(root, tutor_home, seeds=seeds, run_examples=False)
    (fault,) = [f for f in report.faults if f.exercise == "relu"]
    assert str(fault).startswith("graders/relu.py:1: [relu] değerlendirici kararsız")
    assert "2 tohumun yalnızca 1 tanesinde geçti" in str(fault)


def _wrong(root: Path, name: str, header: str, body: str) -> Path:
    folder = root / "wrong" / "relu"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path


def test_known_wrong_submissions_must_fail_as_declared(tmp_path, tutor_home):
    root = small_pack(tmp_path, {"relu": 1.0})
    (root / "wrong" / "relu").mkdir(parents=True)
    shutil.copy(WRONG / "relu/inplace.py", root / "wrong" / "relu" / "inplace.py")
    solution = (ROOT / "solutions/tensorler/relu.py").read_text(encoding="utf-8")
    _wrong(
        root,
        "aslinda_dogru.py",
        "# hata: yok, bu bir doğru çözüm\n# beklenen-denetim: küçük girdiler\n"
        "# beklenen-mesaj: tolerans dışında\n",
        solution,
    )
    _wrong(
        root,
        "yanlis_ileti.py",
        "# hata: negatifler korunuyor\n# beklenen-denetim: küçük girdiler\n"
        "# beklenen-mesaj: bambaşka sözler\n",
        "def relu(x):\n    return x * 1.0\n",
    )
    _wrong(root, "basliksiz.py", "", "def relu(x):\n    return x * 1.0\n")
    (root / "wrong" / "yok_boyle").mkdir()

    report = _validate(root, tutor_home, seeds=[7], run_examples=False)
    text = "\n".join(_texts(report))
    assert "inplace.py" not in text, text  # it fails as its header says
    assert "wrong/relu/aslinda_dogru.py:1: [relu] bilinen yanlış gönderim geçti" in text
    assert (
        "wrong/relu/yanlis_ileti.py:1: [relu] ileti 'bambaşka sözler' sözlerini içermiyor" in text
    )
    assert "wrong/relu/basliksiz.py:1: [relu] bilinen yanlış gönderimin başlığı eksik" in text
    assert "wrong/yok_boyle: 'yok_boyle' adında bir alıştırma yok" in text


@pytest.mark.parametrize("device", ["cpu", "auto"])
def test_a_wrong_submission_whose_bug_needs_cuda_is_left_out_on_the_cpu_and_said_so(
    tutor_home, device
):
    """The built-in pack's GradScaler bugs show only where float16 runs with a scaler: on a
    machine without CUDA they are not tried (not reported as passing), and the run says so."""
    report = validate(
        ROOT,
        tutor_home,
        device=device,
        seeds=[7],
        run_examples=False,
        exercises={"amp_train_step"},
    )
    if device == "auto" and report.verdicts.get("amp_train_step", (None,))[0] is not None:
        if report.verdicts["amp_train_step"][0].device == "cuda":
            pytest.skip("this machine has CUDA: the bugs are tried there")
    assert report.ok, _texts(report)
    assert report.skipped_wrong == {
        "cuda": [
            "wrong/amp_train_step/scaler_never_updates.py",
            "wrong/amp_train_step/scaler_recreated_each_call.py",
        ]
    }


def test_the_cli_names_the_wrong_submissions_left_for_cuda_and_how_to_try_them(tmp_path):
    root = small_pack(tmp_path, {"relu": 1.0})
    _wrong(
        root,
        "yalniz_cuda.py",
        "# hata: yalnızca GPU'da görünen bir hata\n# cihaz: cuda\n"
        "# beklenen-denetim: küçük girdiler\n# beklenen-mesaj: farklı\n",
        (ROOT / "solutions/tensorler/relu.py").read_text(encoding="utf-8"),
    )
    result = tutor("pack", "validate", str(root), "--device", "cpu", "--seeds", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "Not: şu 1 bilinen yanlış gönderimin hatası yalnızca cuda üzerinde ortaya çıkar, bu "
        "yüzden bu doğrulamada denenmedi: wrong/relu/yalniz_cuda.py. Denemek için: tutor pack "
        f"validate {root} --device cuda"
    ) in " ".join(result.stdout.split())


def test_a_student_edition_is_refused_and_the_full_pack_asked_for(tmp_path):
    root = small_pack(tmp_path)
    out = tmp_path / "ogrenci"
    built = tutor("pack", "build", "--student", str(out), "--pack", str(root))
    assert built.returncode == 0, built.stderr
    result = tutor("pack", "validate", str(out))
    assert result.returncode == 1
    assert "pack.yaml:1: bu bir öğrenci sürümü" in result.stdout
    assert "Tam paketi denetleyin" in result.stdout


def test_an_example_that_raises_names_its_line(tmp_path, tutor_home):
    lesson = lesson_text({"relu": 1.0}).replace(
        "          x = 2 + 2\n          print(x)\n", "          x = 2 + 2\n          print(y)\n"
    )
    root = small_pack(tmp_path, {"relu": 1.0}, lesson=lesson)
    report = _validate(root, tutor_home, run_graders=False)
    assert report.ok  # without grading, examples are not run
    report = _validate(root, tutor_home, seeds=[7])
    (fault,) = report.faults
    assert str(fault).startswith("lessons/ders.yaml:12: 'Toplama' örneği hata verdi: NameError")


def test_symbols_are_read_from_the_grader_without_running_it():
    assert declared_symbols((ROOT / "graders/tensorler/softmax.py").read_text()) == {"softmax"}
    assert declared_symbols((ROOT / "graders/derin_ogrenme/pick_device.py").read_text()) == {
        "pick_device"
    }
    assert declared_symbols("GRADER = make()\n") is None


def test_a_call_that_does_not_come_back_is_given_up_on():
    import time

    started = time.monotonic()
    try:
        call_with_deadline(lambda: time.sleep(30), 0.2)
    except DeadlinePassed:
        pass
    else:
        raise AssertionError("no deadline")
    assert time.monotonic() - started < 2


def test_the_small_pack_validates(tmp_path, tutor_home):
    root = small_pack(tmp_path, {"relu": 1.0})
    report = _validate(root, tutor_home)
    assert report.ok, _texts(report)
    assert LESSON_HEAD in (root / "lessons/ders.yaml").read_text(encoding="utf-8")


def test_a_case_of_the_wrong_type_is_the_graders_fault_not_the_solutions(tmp_path, tutor_home):
    root = small_pack(tmp_path, {"relu": 1.0})
    grader = root / "graders/relu.py"
    text = grader.read_text("utf-8").replace(
        'Case("küçük girdiler", lambda g: inputs(g.randn(4, 5))),',
        'Case("küçük girdiler", lambda g: g.randn(4, 5)),',  # inputs(...) forgotten
    )
    grader.write_text(text, encoding="utf-8")
    report = _validate(root, tutor_home, seeds=[7], run_examples=False)
    (fault,) = report.faults
    assert str(fault).startswith("graders/relu.py:1: [relu]"), str(fault)


def test_a_grader_that_hangs_is_given_up_on_and_named(tmp_path, tutor_home, monkeypatch):
    import time

    from tutor import jobs

    lesson = lesson_text({"relu": 1.0}).replace(
        "    points: 1.0\n", "    points: 1.0\n    timeout_s: 1\n"
    )
    root = small_pack(tmp_path, {"relu": 1.0}, lesson=lesson)
    grader = root / "graders/relu.py"
    grader.write_text("import time\ntime.sleep(20)\n" + grader.read_text("utf-8"), encoding="utf-8")
    monkeypatch.setattr(jobs, "DEADLINE_MARGIN_S", 2.0)
    started = time.monotonic()
    report = _validate(root, tutor_home, seeds=[7], run_examples=False)
    assert time.monotonic() - started < 18
    (fault,) = report.faults
    assert str(fault).startswith("graders/relu.py:1: [relu] değerlendiricide hata")
    assert "5 sn içinde bitmedi" in str(fault)
