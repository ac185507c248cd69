"""How a verdict is said to a person, the same in the CLI and the app: the error's kind once and
in words, its line once, the checks grouped, numbers the Turkish way."""

from __future__ import annotations

from tutor import messages as M
from tutor import verdict_text as T
from tutor.grading.verdict import Check, GradeError, Verdict
from tutor.numbers import decimal, general, percent, seconds


def test_numbers_are_written_the_turkish_way():
    assert percent(0.1) == "%10" and percent(1.0) == "%100" and percent(0.0) == "%0"
    assert decimal(0.0712) == "0,07" and seconds(0.0712) == "0,07 sn"
    assert general(2.80123) == "2,801" and general(6.4e-14) == "6,4e-14"


def test_an_error_that_does_not_name_itself_gets_its_kind_in_words_and_its_line_once():
    error = GradeError("exception", "Çözüm henüz yazılmamış (NotImplementedError).", 12)
    said = T.error_text(error)
    assert (
        said
        == "Kodunuz çalışırken hata verdi (12. satır): Çözüm henüz yazılmamış (NotImplementedError)."
    )
    assert "exception" not in said


def test_an_error_that_names_itself_is_not_named_twice():
    forbidden = GradeError(
        "forbidden", "Yasak çağrı: F.softmax kullanılmış (8. satırda). Kendiniz yazın.", 8
    )
    assert T.error_text(forbidden) == forbidden.message  # the line is already in it
    syntax = GradeError("syntax", "Python sözdizimi hatası: '(' açılmış ama hiç kapatılmamış.", 3)
    assert (
        T.error_text(syntax)
        == "Python sözdizimi hatası (3. satır): '(' açılmış ama hiç kapatılmamış."
    )
    timeout = GradeError("timeout", "Süre sınırı (10 sn) aşıldı; bitmeyen bir döngü olabilir.", 5)
    assert (
        T.error_text(timeout)
        == "Süre sınırı (10 sn) aşıldı; bitmeyen bir döngü olabilir (5. satır)."
    )


def test_checks_are_grouped_the_first_failure_apart_and_those_the_error_stopped_together():
    error = GradeError("exception", "ValueError istisnası: boyut", 4)
    verdict = Verdict(
        "relu",
        False,
        0.25,
        "cpu",
        1,
        0.1,
        [
            Check("a", True, M.GRADE_OK),
            Check("b", False, "Çıktı: şekil farklı. (Girdiler: x.)"),
            Check("c", False, "Çıktı: veri tipi farklı; beklenen float32."),
            Check("d", False, "ValueError istisnası: boyut"),
            Check("e", False, M.GRADE_CASE_NOT_REACHED),
        ],
        error,
    )
    groups = T.group_checks(verdict)
    assert groups.first_failure.name == "b"
    assert [c.name for c in groups.other_failures] == ["c"]
    assert [c.name for c in groups.blocked] == ["d", "e"]
    assert [c.name for c in groups.passed] == ["a"]
    assert T.first_line(groups.other_failures[0].message) == "Çıktı: veri tipi farklı"
    assert T.headline(verdict) == "KALDI · puan %25 · 1/5 denetim geçti"
    assert T.details(verdict) == "0,10 sn · cihaz: cpu · tohum: 1"


def test_a_training_case_reports_its_epochs_and_steps_after_its_line():
    assert T.training_progress({"event": "progress", "epoch": 2, "of": 10}) == " · dönem 3/10"
    assert T.training_progress({"event": "progress", "epoch": 0}) == " · dönem 1"
    assert T.training_progress({"event": "progress", "steps": 300}) == " · 300 adım"
    assert T.training_progress({"event": "progress"}) == ""


def test_a_curve_is_drawn_in_block_characters_on_the_scale_of_both_runs():
    check = Check(
        "kayıp düşüyor",
        False,
        "Kayıp yeterince düşmedi.",
        series=[4.0, 3.0, 2.0, float("nan")],
        reference_series=[4.0, 1.0, 0.0, 0.0],
    )
    label, mine, reference = T.curve_lines(check)
    assert label == "Kayıp eğrisi: 4 ölçüm, 4 → NaN (en düşük 2)"
    assert mine.endswith("  █▇▅×") and mine.startswith("kodunuz")
    assert reference.endswith("  █▃▁▁") and reference.startswith("örnek çözüm")
    # A long run is averaged into the width it is given.
    assert len(T.sparkline([float(i) for i in range(500)], 0.0, 499.0, width=20)) == 20
    assert T.curve_lines(Check("tahmin", True, "tamam")) == []
