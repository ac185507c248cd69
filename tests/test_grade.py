"""`tutor grade`: a class graded at once into reports that gradebooks, CI and students can use,
and a run that can be killed, resumed and redone student by student without losing anything."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

from conftest import ROOT, WRONG
from instructor_packs import lesson_text, small_pack, solution, starter, workspace
from test_cli import tutor

from tutor.batch import ClassResult, Entry, grade_class
from tutor.pack.loader import load_pack
from tutor.progress import Progress
from tutor.reports import earned, feedback_markdown, report_json, write_reports
from tutor.roster import RosterError, Student, read_roster, students_from_folders

INFINITE = "def relu(x):\n    while True:\n        pass\n"


def _roster(tmp_path: Path, rows: list[tuple[str, str, str]], **options) -> Path:
    path = tmp_path / "liste.csv"
    delimiter = options.get("delimiter", ",")
    lines = [delimiter.join(["ogrenci_no", "ad", "klasor"])]
    lines += [delimiter.join(row) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(options.get("encoding", "utf-8")))
    return path


def _class(tmp_path: Path) -> tuple[Path, Path]:
    """A pack (relu: 1 point, sigmoid: 2 points) and a roster of three."""
    root = small_pack(tmp_path)
    workspace(tmp_path, "ayse", {"relu": solution("relu"), "sigmoid": solution("sigmoid")})
    workspace(
        tmp_path, "mehmet", {"relu": WRONG / "relu/inplace.py", "sigmoid": starter("sigmoid")}
    )
    (tmp_path / "bos").mkdir()
    roster = _roster(
        tmp_path,
        [
            ("2024001", "Ayşe Yılmaz", "ayse"),
            ("2024002", "Mehmet Öztürk", "mehmet"),
            ("2024003", "Boş Öğrenci", "bos"),
        ],
    )
    return root, roster


def _grade(root: Path, out: Path, *extra: str, roster: Path | None = None, dirs=()):
    args = [
        "--pack",
        str(root),
        "grade",
        *map(str, dirs),
        "--out",
        str(out),
        "--seed",
        "9",
        "--jobs",
        "2",
    ]
    if roster is not None:
        args += ["--roster", str(roster)]
    return tutor(*args, *extra)


def test_reports_are_keyed_by_student_id_with_points_hashes_and_timestamps(tmp_path):
    root, roster = _class(tmp_path)
    out = tmp_path / "rapor"
    result = _grade(root, out, roster=roster)
    assert result.returncode == 0, result.stderr
    assert "2024001 (Ayşe Yılmaz): 3/3 puan (%100), 2/2 geçti" in result.stdout
    assert "Tohum: 9" in result.stdout

    report = json.loads((out / "sonuclar.json").read_text(encoding="utf-8"))
    assert report["seed"] == 9 and report["pack_faults"] == {}
    assert [e["points"] for e in report["exercises"]] == [1.0, 2.0]
    by_id = {s["id"]: s for s in report["students"]}
    ayse, mehmet, bos = by_id["2024001"], by_id["2024002"], by_id["2024003"]
    assert (ayse["points"], ayse["max_points"], ayse["name"]) == (3.0, 3.0, "Ayşe Yılmaz")
    relu = ayse["exercises"]["relu"]
    expected_hash = hashlib.sha256(solution("relu").read_bytes()).hexdigest()
    assert relu["sha256"] == expected_hash and relu["status"] == "graded"
    assert relu["graded_at"].endswith("+00:00") and relu["verdict"]["seed"] == 9
    assert mehmet["exercises"]["relu"]["status"] == "graded"
    assert mehmet["exercises"]["relu"]["points"] == 0.0
    assert bos["exercises"]["relu"] == {
        "status": "missing",
        "points": 0.0,
        "max_points": 1.0,
        "file": "tensorler/relu.py",
        "sha256": None,
        "graded_at": bos["exercises"]["relu"]["graded_at"],
        "problem": "teslim edilmedi (tensorler/relu.py yok)",
    }

    rows = list(csv.DictReader((out / "sonuclar.csv").open(encoding="utf-8")))
    assert [r["ogrenci_no"] for r in rows] == ["2024001", "2024002", "2024003"]
    assert rows[0]["puan"] == "3" and rows[0]["sigmoid"] == "2" and rows[0]["yuzde"] == "100"
    assert rows[2]["teslim_edilmeyen"] == "2" and rows[2]["relu"] == "0"

    # In JUnit a missing file fails: the empty workspace is not green.
    suites = {s.get("name"): s for s in ET.parse(out / "junit.xml").getroot()}
    assert suites["2024003"].get("failures") == "2" and suites["2024003"].get("skipped") == "0"
    missing = suites["2024003"].find("testcase[@name='relu']/failure")
    assert missing is not None and missing.get("type") == "teslim-edilmedi"
    assert suites["2024002"].find("testcase[@name='relu']/failure").get("type") == "kaldi"

    feedback = (out / "geri-bildirim" / "2024002.md").read_text(encoding="utf-8")
    assert feedback.startswith("# Geri bildirim: Mehmet Öztürk (2024002)")
    assert "Toplam: 0 / 3 puan" in feedback and "yerinde değiştirilmiş" in feedback


def test_two_folders_with_the_same_name_are_two_students(tmp_path):
    a = workspace(tmp_path / "a", "ali", {"relu": solution("relu")})
    b = workspace(tmp_path / "b", "ali", {"relu": starter("relu")})
    students = students_from_folders([a, b, a])
    assert [s.id for s in students] == ["a/ali", "b/ali"]
    root = small_pack(tmp_path, {"relu": 1.0})
    out = tmp_path / "rapor"
    result = _grade(root, out, dirs=[a, b])
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((out / "sonuclar.csv").open(encoding="utf-8")))
    assert [(r["ogrenci_no"], r["relu"]) for r in rows] == [("a/ali", "1"), ("b/ali", "0")]
    assert rows[0]["klasor"] != rows[1]["klasor"]


def test_the_excel_csv_opens_in_turkish_excel(tmp_path):
    root, roster = _class(tmp_path)
    out = tmp_path / "rapor"
    assert _grade(root, out, "--excel", roster=roster).returncode == 0
    data = (out / "sonuclar.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel it is UTF-8
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["ogrenci_no", "ad", "klasor"]
    assert rows[1][1] == "Ayşe Yılmaz"
    percent = rows[0].index("yuzde")
    assert rows[1][percent] == "100" and rows[3][percent] == "0"


def test_a_roster_saved_by_excel_with_semicolons_in_windows_1254_is_read(tmp_path):
    path = _roster(tmp_path, [("7", "Şükrü Çağlar", "sukru")], delimiter=";", encoding="cp1254")
    (student,) = read_roster(path)
    assert (student.id, student.name, student.folder) == ("7", "Şükrü Çağlar", tmp_path / "sukru")


def test_a_roster_with_a_student_twice_names_both_lines(tmp_path):
    path = _roster(tmp_path, [("7", "A", "a"), ("7", "B", "b")])
    try:
        read_roster(path)
    except RosterError as exc:
        assert "liste.csv:3: '7' numaralı öğrenci iki kez yazılmış (ilki 2. satırda)" in str(exc)
    else:
        raise AssertionError("duplicate accepted")


def test_a_windows_1254_file_is_graded_with_a_note_never_called_absent(tmp_path):
    root = small_pack(tmp_path, {"relu": 1.0})
    source = "# Çözüm: sıfırdan küçükleri sıfırla\n" + solution("relu").read_text("utf-8")
    ws = workspace(tmp_path, "ogrenci", {"relu": source.encode("cp1254")})
    out = tmp_path / "rapor"
    assert _grade(root, out, dirs=[ws]).returncode == 0
    entry = json.loads((out / "sonuclar.json").read_text("utf-8"))["students"][0]["exercises"][
        "relu"
    ]
    assert entry["status"] == "graded" and entry["verdict"]["passed"] is True
    assert "Windows-1254" in entry["note"]
    assert entry["sha256"] == hashlib.sha256(source.encode("cp1254")).hexdigest()


def test_a_link_to_a_classmates_file_is_refused(tmp_path):
    root = small_pack(tmp_path, {"relu": 1.0})
    good = workspace(tmp_path, "caliskan", {"relu": solution("relu")})
    lazy = workspace(tmp_path, "tembel", {})
    (lazy / "tensorler" / "relu.py").symlink_to(good / "tensorler" / "relu.py")
    out = tmp_path / "rapor"
    assert _grade(root, out, dirs=[good, lazy]).returncode == 0
    report = json.loads((out / "sonuclar.json").read_text("utf-8"))
    entry = report["students"][1]["exercises"]["relu"]
    assert entry["status"] == "invalid" and "bağlantı" in entry["problem"]


def test_a_broken_pack_is_refused_before_anyone_is_graded(tmp_path):
    root = small_pack(tmp_path, {"relu": 1.0})
    (root / "solutions/relu.py").write_text("def relu(x):\n    return x\n", encoding="utf-8")
    ws = workspace(tmp_path, "ogrenci", {"relu": solution("relu")})
    out = tmp_path / "rapor"
    result = _grade(root, out, dirs=[ws])
    assert result.returncode == 2
    assert "Paket bozuk; değerlendirme başlamadı" in result.stderr
    assert "solutions/relu.py:1: [relu] örnek çözüm geçmedi" in result.stderr
    assert not (out / "sonuclar.json").exists()
    as_json = _grade(root, out, "--json", dirs=[ws])
    assert as_json.returncode == 2
    assert json.loads(as_json.stdout)["error"]["kind"] == "pack"


def test_a_grader_fault_is_the_exercises_own_never_a_students_fail(tmp_path, tutor_home):
    root = small_pack(tmp_path)
    students = [
        Student(
            "1",
            "Bir",
            workspace(tmp_path, "bir", {"relu": solution("relu"), "sigmoid": solution("sigmoid")}),
        ),
        Student(
            "2",
            "İki",
            workspace(tmp_path, "iki", {"relu": starter("relu"), "sigmoid": solution("sigmoid")}),
        ),
    ]
    pack = load_pack(root)

    def break_the_grader(exercises, seed):
        # The pack was sound when checked; its sigmoid grader breaks during the run.
        grader = root / "graders/sigmoid.py"
        grader.write_text(grader.read_text("utf-8") + "\nraise RuntimeError('bozuldu')\n", "utf-8")

    out = tmp_path / "rapor"
    result = grade_class(
        pack,
        tutor_home,
        students,
        out,
        seed=3,
        device="cpu",
        jobs=2,
        before_grading=break_the_grader,
    )
    assert list(result.pack_faults) == ["sigmoid"]
    assert "bozuldu" in result.pack_faults["sigmoid"]["message"]
    write_reports(result, out)
    report = json.loads((out / "sonuclar.json").read_text("utf-8"))
    first, second = report["students"]
    assert first["exercises"]["sigmoid"]["status"] == "pack_fault"
    assert "problem" not in first["exercises"]["sigmoid"]  # said once, under pack_faults
    assert (first["points"], first["max_points"], first["percent"]) == (1.0, 1.0, 100.0)
    assert (second["points"], second["max_points"]) == (0.0, 1.0)
    rows = list(csv.DictReader((out / "sonuclar.csv").open(encoding="utf-8")))
    assert rows[0]["paket_hatasi"] == "sigmoid" and rows[0]["sigmoid"] == ""
    suite = ET.parse(out / "junit.xml").getroot()[0]
    skipped = suite.find("testcase[@name='sigmoid']/skipped")
    assert skipped is not None and skipped.get("type") == "paket-hatasi"
    assert suite.get("failures") == "0"
    feedback = (out / "geri-bildirim" / "1.md").read_text("utf-8")
    assert "paketteki bir hata yüzünden değerlendirilemedi; puanınızı etkilemez" in feedback


def _result_with(verdict: dict, tmp_path: Path) -> tuple[ClassResult, Student]:
    pack = load_pack(small_pack(tmp_path, {"relu": 4.0}))
    student = Student("9", "Dokuz", tmp_path)
    entry = Entry(
        "9",
        "relu",
        "graded",
        "2026-01-01T00:00:00+00:00",
        "x",
        "tensorler/relu.py",
        "ab" * 32,
        verdict=verdict,
    )
    result = ClassResult(pack, 1, "cpu", "t0", "t1", [student], {("9", "relu"): entry})
    return result, student


def test_hidden_checks_count_but_students_see_only_that_they_exist(tmp_path):
    verdict = {
        "exercise": "relu",
        "passed": False,
        "score": 0.5,
        "device": "cpu",
        "seed": 1,
        "duration_s": 0.1,
        "error": None,
        "checks": [
            {
                "name": "açık durum",
                "passed": True,
                "message": "tamam",
                "hidden": False,
                "weight": 1.0,
            },
            {
                "name": "sınav kâğıdındaki girdi",
                "passed": False,
                "message": "x = [3, -1] için yanlış",
                "hidden": True,
                "weight": 3.0,
            },
        ],
    }
    result, student = _result_with(verdict, tmp_path)
    # Weights: 1 of 4 weight passed, of 4 points.
    assert earned(result.entries[("9", "relu")], result.pack.exercises["relu"][1]) == 1.0
    feedback = feedback_markdown(result, student)
    assert "gizli denetim 2" in feedback
    assert "sınav kâğıdındaki" not in feedback and "[3, -1]" not in feedback
    instructor = json.dumps(report_json(result), ensure_ascii=False)
    assert "sınav kâğıdındaki girdi" in instructor and '"hidden": true' in instructor


def test_quiz_scores_come_from_a_handed_in_progress_store_judged_by_the_pack(tmp_path):
    root = small_pack(tmp_path, {"relu": 1.0})
    ws = workspace(tmp_path, "ogrenci", {"relu": solution("relu")})
    store = Progress(ws / "ilerleme.sqlite3")
    store.record_answer("kucuk-paket", "tensorler", "quiz", 0, 1, True)  # right
    store.record_answer(
        "kucuk-paket", "tensorler", "quiz", 1, 1, True
    )  # wrong, though it says right
    store.close()
    out = tmp_path / "rapor"
    assert _grade(root, out, dirs=[ws]).returncode == 0
    student = json.loads((out / "sonuclar.json").read_text("utf-8"))["students"][0]
    assert student["quiz"] == {"correct": 1, "answered": 2, "questions": 2, "problem": None}
    row = next(csv.DictReader((out / "sonuclar.csv").open(encoding="utf-8")))
    assert (row["sinav_dogru"], row["sinav_soru"]) == ("1", "2")


def _volatile_free(out: Path) -> dict:
    """The reports with what honestly differs between two runs (clocks) taken out."""
    report = json.loads((out / "sonuclar.json").read_text("utf-8"))
    report.pop("started_at"), report.pop("finished_at")
    for student in report["students"]:
        for entry in student["exercises"].values():
            entry.pop("graded_at")
            if "verdict" in entry:
                entry["verdict"].pop("duration_s")
    csv_text = (out / "sonuclar.csv").read_text("utf-8")
    junit = ET.parse(out / "junit.xml").getroot()
    for element in junit.iter():
        element.attrib.pop("time", None)
    feedback = {
        p.name: "\n".join(
            line for line in p.read_text("utf-8").splitlines() if "değerlendirme:" not in line
        )
        for p in sorted((out / "geri-bildirim").glob("*.md"))
    }
    return {"json": report, "csv": csv_text, "junit": ET.tostring(junit), "feedback": feedback}


def test_a_killed_run_resumes_and_gives_the_same_reports(tmp_path):
    lesson = lesson_text({"relu": 1.0, "sigmoid": 2.0}).replace(
        "    points: 1.0\n", "    points: 1.0\n    timeout_s: 2\n"
    )
    root = small_pack(tmp_path, lesson=lesson)
    rows = []
    for i in range(4):
        files = {"relu": INFINITE if i % 2 else solution("relu"), "sigmoid": solution("sigmoid")}
        workspace(tmp_path, f"o{i}", files)
        rows.append((f"{i}", f"Öğrenci {i}", f"o{i}"))
    roster = _roster(tmp_path, rows)

    whole = tmp_path / "tek-seferde"
    assert _grade(root, whole, roster=roster).returncode == 0

    killed = tmp_path / "yarida"
    command = [
        sys.executable,
        "-m",
        "tutor",
        "--pack",
        str(root),
        "grade",
        "--roster",
        str(roster),
        "--out",
        str(killed),
        "--seed",
        "9",
        "--jobs",
        "1",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    results = killed / ".tutor-durum" / "sonuclar.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if results.is_file() and results.read_text("utf-8").count("\n") >= 3:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    kept = results.read_text("utf-8").count("\n")
    assert 3 <= kept < 8, "the kill must land in the middle"
    assert not (killed / "sonuclar.json").exists()

    resumed = _grade(root, killed, "--resume", roster=roster)
    assert resumed.returncode == 0, resumed.stderr
    assert results.read_text("utf-8").count("\n") == 8  # what was kept was not graded again
    assert _volatile_free(killed) == _volatile_free(whole)


def test_one_student_or_one_exercise_is_graded_again_and_the_rest_kept(tmp_path):
    root, roster = _class(tmp_path)
    out = tmp_path / "rapor"
    assert _grade(root, out, roster=roster).returncode == 0
    before = json.loads((out / "sonuclar.json").read_text("utf-8"))
    # Mehmet fixes relu (the instructor accepts a late hand-in) and is graded again.
    (tmp_path / "mehmet/tensorler/relu.py").write_bytes(solution("relu").read_bytes())
    again = _grade(root, out, "--student", "2024002", "--exercise", "relu", roster=roster)
    assert again.returncode == 0, again.stderr
    after = json.loads((out / "sonuclar.json").read_text("utf-8"))
    changed = [
        (s["id"], e)
        for s, t in zip(before["students"], after["students"])
        for e in s["exercises"]
        if s["exercises"][e] != t["exercises"][e]
    ]
    assert changed == [("2024002", "relu")]
    assert after["students"][1]["exercises"]["relu"]["points"] == 1.0
    unknown = _grade(root, out, "--student", "yok", roster=roster)
    assert unknown.returncode == 2 and "'yok' numaralı bir öğrenci yok" in unknown.stderr


def test_a_first_run_naming_exercises_or_students_grades_and_reports_only_those(tmp_path):
    root, roster = _class(tmp_path)
    out = tmp_path / "hafta-1"
    first = _grade(root, out, "--exercise", "relu", roster=roster)
    assert first.returncode == 0, first.stderr
    report = json.loads((out / "sonuclar.json").read_text("utf-8"))
    assert [e["id"] for e in report["exercises"]] == ["relu"]
    assert all(set(s["exercises"]) == {"relu"} for s in report["students"])
    assert [s["max_points"] for s in report["students"]] == [1.0, 1.0, 1.0]
    assert "sigmoid" not in (out / "sonuclar.csv").read_text("utf-8-sig")
    kept = report["students"][0]["exercises"]["relu"]

    # The next week's exercise joins the same run; what was graded is kept.
    second = _grade(root, out, "--exercise", "sigmoid", roster=roster)
    assert second.returncode == 0, second.stderr
    report = json.loads((out / "sonuclar.json").read_text("utf-8"))
    assert [e["id"] for e in report["exercises"]] == ["relu", "sigmoid"]
    assert report["students"][0]["exercises"]["relu"] == kept
    assert report["students"][0]["points"] == 3.0

    late = _grade(root, tmp_path / "gec", "--student", "2024002", roster=roster)
    assert late.returncode == 0, late.stderr
    report = json.loads((tmp_path / "gec/sonuclar.json").read_text("utf-8"))
    assert [s["id"] for s in report["students"]] == ["2024002"]
    nothing = _grade(root, tmp_path / "yok", "--resume", roster=roster)
    assert nothing.returncode == 2 and "sürdürülecek bir değerlendirme yok" in nothing.stderr


def test_a_roster_folder_that_does_not_exist_is_said_and_none_existing_is_refused(tmp_path):
    root, _ = _class(tmp_path)
    partly = _roster(tmp_path, [("2024001", "Ayşe Yılmaz", "ayse"), ("2024009", "Can", "can")])
    result = _grade(root, tmp_path / "rapor", roster=partly)
    assert result.returncode == 0, result.stderr
    assert "liste.csv:3: 2024009 numaralı öğrencinin klasörü yok" in result.stderr
    report = json.loads((tmp_path / "rapor/sonuclar.json").read_text("utf-8"))
    assert report["students"][1]["missing"] == 2

    # Folders written relative to somewhere else: a wrong path, not a class that handed in nothing.
    wrong = _roster(tmp_path, [("2024001", "Ayşe", "sinif/ayse"), ("2024002", "Ali", "sinif/ali")])
    refused = _grade(root, tmp_path / "rapor-2", roster=wrong)
    assert refused.returncode == 2
    assert "listedeki hiçbir klasör yok" in refused.stderr
    assert "listenin bulunduğu klasöre göredir" in refused.stderr
    assert not (tmp_path / "rapor-2").exists()


def test_grade_refuses_a_missing_workspace(tmp_path):
    result = tutor("grade", str(tmp_path / "yok"))
    assert result.returncode == 2
    assert "bir klasör değil ya da yok" in result.stderr


def test_json_piped_into_head_ends_quietly(tmp_path):
    for command in ("list --json", "pack use --json", f"pack validate {ROOT} --no-grading --json"):
        shell = f"{sys.executable} -m tutor {command} | head -c 5"
        result = subprocess.run(
            shell, shell=True, capture_output=True, text=True, cwd=ROOT, timeout=120
        )
        assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, (
            command,
            result.stderr,
        )


def test_a_reference_that_raises_stops_the_run_before_any_student_gets_a_zero(tmp_path):
    root = small_pack(tmp_path, {"relu": 1.0})
    grader = root / "graders/relu.py"
    grader.write_text(
        grader.read_text("utf-8").replace("reference=F.relu,", "reference=lambda x: x.bozuk(),"),
        encoding="utf-8",
    )
    ws = workspace(tmp_path, "ogrenci", {"relu": solution("relu")})
    out = tmp_path / "rapor"
    result = _grade(root, out, dirs=[ws])
    assert result.returncode == 2
    assert "[relu]" in result.stderr and not (out / "sonuclar.json").exists()


def test_the_progress_bar_says_how_far_how_fast_and_who(capsys):
    from tutor.cli import _ProgressBar

    bar = _ProgressBar(enabled=True)
    bar.update(3, 12, Entry("2024001", "relu", "graded", "t", "f"))
    drawn = capsys.readouterr().err
    assert "██████░░░░░░░░░░░░░░░░░░ 3/12" in drawn and "2024001 (relu)" in drawn
    assert re.search(r"· \d+,\d/sn ·", drawn), "the rate with a decimal comma"
    bar.close()
    assert capsys.readouterr().err.strip() == ""
    quiet = _ProgressBar(enabled=False)
    quiet.update(1, 2, Entry("x", "relu", "graded", "t", "f"))
    assert capsys.readouterr().err == ""
