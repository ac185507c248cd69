"""What the command line says, as a learner reads it: Turkish everywhere (argparse included),
pointers that lead where they say, numbers written the Turkish way, output that wraps to the
terminal and not in a pipe, and seeds that make the same file get the same verdict."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import ROOT, WRONG

from tutor import messages as M

APP_PACK = ROOT / "tests" / "app" / "pack"


def tutor(*args: str, env: dict | None = None, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
        stdin=stdin,
    )


@pytest.fixture
def pack(tmp_path) -> Path:
    """The app tests' small pack under an id of its own: a clean record in the shared home."""
    target = tmp_path / "paket"
    shutil.copytree(APP_PACK, target)
    manifest = target / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("id: uygulama-deneme", f"id: deneme-{uuid.uuid4().hex[:8]}"), encoding="utf-8"
    )
    return target


def in_pack(pack: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return tutor("--pack", str(pack), "--workspace", str(tmp_path / "calisma"), *args)


# --- help and argparse's own words ------------------------------------------------------------

ENGLISH = re.compile(
    r"\b(usage|options|positional arguments|show this help|expected|argument|invalid|"
    r"required|unrecognized|ambiguous|choose from|error)\b"
)


def test_help_says_that_plain_tutor_opens_the_app_and_lists_the_exit_codes():
    result = tutor("--help")
    assert result.returncode == 0
    out = result.stdout
    assert "yalnızca tutor yazarsanız uygulama açılır" in " ".join(out.split())
    assert "Çıkış kodları:" in out
    for code in ("0  geçti", "1  gönderim", "2  komut çalıştırılamadı"):
        assert code in out
    assert not ENGLISH.search(out), ENGLISH.search(out)


@pytest.mark.parametrize(
    "args, english",
    [
        (["submit", "softmax", "--seed"], "expected one argument"),
        (["grade", "x", "--j"], "ambiguous option"),
        (["--device", "gpu", "list"], "invalid choice"),
        (["submit", "softmax", "--seed", "abc"], "invalid int value"),
        (["submit"], "the following arguments are required"),
        (["list", "--bilinmeyen"], "unrecognized arguments"),
    ],
)
def test_argparse_errors_are_said_in_turkish(args, english):
    result = tutor(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("kullanım: tutor")
    assert "tutor: hata:" in result.stderr
    assert not ENGLISH.search(result.stderr), (english, result.stderr)


def test_a_mistyped_command_gets_the_closest_one():
    result = tutor("lst")
    assert result.returncode == 2 and "Şunu mu demek istediniz: list?" in result.stderr


def test_options_are_listed_only_where_they_do_something():
    shown = {
        command: tutor(*command.split(), "--help").stdout
        for command in ("list", "show", "submit", "hint", "watch", "progress", "reset")
    }
    assert "--seed" in shown["submit"] and "--device" in shown["submit"]
    assert "--fresh" in shown["submit"] and "--verbose" in shown["submit"]
    assert "--solution" in shown["hint"]
    for command in ("list", "show", "hint", "progress", "reset"):
        assert "--device" not in shown[command] and "--seed" not in shown[command], command
    assert "--workspace" not in shown["list"] and "--json" not in shown["watch"]
    top = tutor("--help").stdout
    assert "--seed" not in top and "--json" not in top  # accepted there, shown per command
    assert tutor("--json", "list").returncode == 0


SEN_IMPERATIVES = re.compile(
    r"\b(göster|değerlendir|tekrarla|onar|oluştur|yaz|listele|denetle|getir|çık|aç)\b"
)


def test_help_speaks_with_siz_never_with_sen_imperatives():
    for command in ("", "list", "show", "submit", "hint", "watch", "progress", "reset", "grade"):
        out = tutor(*command.split(), "--help").stdout
        assert not SEN_IMPERATIVES.search(out), (command, SEN_IMPERATIVES.search(out))


# --- pointers -------------------------------------------------------------------------------


def test_show_with_a_lesson_id_shows_the_lesson_and_its_exercises(pack, tmp_path):
    result = in_pack(pack, tmp_path, "show", "tensorler")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. Tensörler")
    assert "Tensör nedir?" in result.stdout and "relu" in result.stdout
    assert "softmax" in result.stdout and "step_lr" not in result.stdout


def test_an_exercise_command_given_a_lesson_id_names_that_lessons_exercises(pack, tmp_path):
    result = in_pack(pack, tmp_path, "submit", "tensorler")
    assert result.returncode == 2
    assert "'tensorler' bir ders, alıştırma değil" in result.stderr
    assert "relu, softmax" in result.stderr and "fit_line" not in result.stderr


def test_the_solution_is_a_step_of_its_own_recorded_and_shown_in_progress(pack, tmp_path):
    result = in_pack(pack, tmp_path, "hint", "relu", "--solution")
    assert result.returncode == 0
    assert "return x.clamp(min=0)" in result.stdout
    assert M.CLI_SOLUTION_RECORDED in result.stdout
    progress = in_pack(pack, tmp_path, "progress")
    assert "çözümüne bakılan: relu" in progress.stdout
    data = json.loads(in_pack(pack, tmp_path, "progress", "--json").stdout)
    assert data["lessons"][0]["solutions_shown"] == ["relu"]


def test_progress_writes_an_untaken_quiz_as_a_dash(pack, tmp_path):
    result = in_pack(pack, tmp_path, "progress")
    assert "1. Tensörler: 0/2 alıştırma geçti, sınav –/2" in result.stdout


def test_plain_tutor_into_a_pipe_says_so_in_turkish_instead_of_starting_the_app(tmp_path):
    result = tutor(env={"TUTOR_WORKSPACE": str(tmp_path)}, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr.strip() == M.CLI_NOT_A_TERMINAL
    assert "\x1b[" not in result.stdout  # nothing full-screen was drawn


def test_a_fault_of_tutor_itself_says_it_is_not_the_learners_fault(monkeypatch, capsys):
    from tutor import cli

    def broken(args):
        raise RuntimeError("iç sorun")

    monkeypatch.setattr(cli, "cmd_list", broken)
    assert cli.main(["list"]) == 2
    err = capsys.readouterr().err
    assert "Bu sizin hatanız değil" in err and "Yeniden deneyin" in err
    assert "RuntimeError: iç sorun" in err and "Traceback" not in err


# --- verdicts -------------------------------------------------------------------------------


def test_numbers_are_written_the_turkish_way(pack, tmp_path):
    solution = APP_PACK / "solutions/tensorler/relu.py"
    result = in_pack(pack, tmp_path, "submit", "relu", str(solution))
    assert result.returncode == 0
    summary = next(line for line in result.stdout.splitlines() if line.startswith("relu: "))
    assert "puan %100" in summary
    assert re.search(r" \d+,\d\d sn ", summary), summary


def test_the_same_file_gets_the_same_seed_until_fresh_cases_are_asked_for(pack, tmp_path):
    wrong = WRONG / "relu/inplace.py"
    first, second = (
        json.loads(in_pack(pack, tmp_path, "submit", "relu", str(wrong), "--json").stdout)
        for _ in range(2)
    )
    for verdict in (first, second):
        verdict.pop("duration_s")
    assert first == second
    fresh = json.loads(
        in_pack(pack, tmp_path, "submit", "relu", str(wrong), "--json", "--fresh").stdout
    )
    assert fresh["seed"] != first["seed"]
    again = json.loads(in_pack(pack, tmp_path, "submit", "relu", str(wrong), "--json").stdout)
    assert again["seed"] == fresh["seed"]  # the fresh cases are the ones kept


def test_a_seed_replay_is_shown_with_its_exit_code_but_never_recorded_as_a_pass(pack, tmp_path):
    solution = APP_PACK / "solutions/tensorler/relu.py"
    replay = in_pack(pack, tmp_path, "submit", "relu", str(solution), "--seed", "5")
    assert replay.returncode == 0 and "GEÇTİ" in replay.stdout
    assert M.VERDICT_REPLAY_NOT_RECORDED in " ".join(replay.stdout.split())
    rows = {
        r["id"]: r["status"] for r in json.loads(in_pack(pack, tmp_path, "list", "--json").stdout)
    }
    assert rows["relu"] == "not_tried"
    assert in_pack(pack, tmp_path, "submit", "relu", str(solution)).returncode == 0
    rows = {
        r["id"]: r["status"] for r in json.loads(in_pack(pack, tmp_path, "list", "--json").stdout)
    }
    assert rows["relu"] == "passed"


def test_the_replay_line_names_the_file_the_device_and_the_pack(pack, tmp_path):
    wrong = WRONG / "relu/inplace.py"
    result = in_pack(pack, tmp_path, "submit", "relu", str(wrong), "--seed", "9")
    assert result.returncode == 1
    line = next(x for x in result.stdout.splitlines() if x.startswith("Aynı çalıştırmayı"))
    assert line.endswith(f"tutor submit relu {wrong} --seed 9 --device cpu --pack {pack}")


def test_failures_are_grouped_and_the_error_kind_is_said_once_in_words(tmp_path):
    result = tutor(
        "submit", "softmax", "--seed", "1", "--workspace", str(tmp_path), env={"COLUMNS": "300"}
    )
    out = result.stdout
    assert "Kodunuz çalışırken hata verdi (12. satır): Çözüm henüz yazılmamış" in out
    assert "(exception)" not in out and "[satır" not in out and "istisna)" not in out
    assert "Bu hata yüzünden yapılamayan 11 denetim:" in out
    blocked = out.split("Bu hata yüzünden yapılamayan 11 denetim:", 1)[1].split("\n\n", 1)[0]
    assert blocked.count("; ") == 10, "eleven case names, a semicolon between each two"
    assert out.count("✘") == 0  # the stopped checks are one line, not eleven


def test_piped_output_is_not_hard_wrapped(tmp_path):
    result = tutor(
        "submit",
        "softmax",
        str(WRONG / "softmax/ignores_dim.py"),
        "--seed",
        "1",
        "--workspace",
        str(tmp_path),
        env={"COLUMNS": "40"},
    )
    lines = result.stdout.splitlines()
    message = next(i for i, line in enumerate(lines) if line.startswith("✘ dim=0")) + 1
    assert lines[message].startswith("    Çıktı:") and lines[message].endswith("unutmayın.")
    assert len(lines[message]) > 100


def test_in_a_terminal_wrapped_lines_keep_their_indent():
    from rich.console import Console

    from tutor.cli import render_verdict
    from tutor.grading.verdict import Check, Verdict

    long = "Çıktı: şekil farklı; beklenen (4, 5), gelen (5, 4). " * 4
    verdict = Verdict("relu", False, 0.0, "cpu", 1, 0.1, [Check("küçük girdiler", False, long)])
    buffer = io.StringIO()
    console = Console(file=buffer, width=60, force_terminal=True, color_system=None)
    render_verdict(console, verdict)
    lines = buffer.getvalue().splitlines()
    body = lines[1 : lines.index(next(x for x in lines if x.startswith("relu:")))]
    assert len(body) > 2 and all(line.startswith("    ") and len(line) <= 60 for line in body)


def test_a_loss_curve_that_flattens_too_early_is_drawn_beside_the_reference_run(pack, tmp_path):
    """A learning rate scaled down by mistake: the CLI draws both curves on one scale, so the
    learner sees theirs barely fall where the reference's drops at once."""
    solution = (pack / "solutions" / "egitim" / "fit_line.py").read_text(encoding="utf-8")
    slow = tmp_path / "yavas.py"
    slow.write_text(solution.replace("w -= lr * w.grad", "w -= 0.02 * lr * w.grad"), "utf-8")
    result = in_pack(pack, tmp_path, "submit", "fit_line", str(slow), "--seed", "3")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "Kayıp yeterince düşmedi" in result.stdout
    assert any(line.startswith("kayıp düşüyor: Kayıp eğrisi: 50 ölçüm, 3,159 →") for line in lines)
    mine = next(line for line in lines if line.strip().startswith("kodunuz"))
    reference = next(line for line in lines if line.strip().startswith("örnek çözüm"))
    # Same scale: the reference reaches the bottom bar, the learner's curve never does.
    assert reference.rstrip().endswith("▁▁▁▁") and "▁" not in mine
