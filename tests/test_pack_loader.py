"""Loading a pack: every fault at once, as file:line in Turkish; safe YAML; no path escapes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from tutor.pack.encoding import find_mojibake, repair_mojibake
from tutor.pack.loader import PackError, load_pack

GOOD_LESSON = """\
id: deneme
number: 1
title: Deneme dersi
summary: Kısa bir özet.
sections:
  - title: Giriş
    body: Merhaba.
quiz:
  - question: İki artı iki?
    choices: ["3", "4"]
    answer: 1
    explanation: Dört.
exercises:
  - id: relu
    title: ReLU
    symbols: [relu]
    signature: "def relu(x)"
    statement: Yazın.
    starter: exercises/relu.py
    solution: solutions/relu.py
    grader: graders/relu.py
    hints: [bir, iki, üç]
"""


def make_pack(
    tmp_path: Path, lesson_text: str = GOOD_LESSON, *, extra_lessons: dict[str, str] | None = None
) -> Path:
    root = tmp_path / "paket"
    for sub in ("lessons", "exercises", "solutions", "graders"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "exercises/tensorler/relu.py", root / "exercises/relu.py")
    shutil.copy(ROOT / "solutions/tensorler/relu.py", root / "solutions/relu.py")
    shutil.copy(ROOT / "graders/tensorler/relu.py", root / "graders/relu.py")
    lessons = {"lessons/ders.yaml": lesson_text, **(extra_lessons or {})}
    for rel, text in lessons.items():
        (root / rel).write_text(text, encoding="utf-8")
    manifest = "id: deneme-paketi\ntitle: Deneme\nlessons:\n" + "".join(
        f"  - {rel}\n" for rel in lessons
    )
    (root / "pack.yaml").write_text(manifest, encoding="utf-8")
    return root


def faults_of(root: Path) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(root)
    return [str(f) for f in info.value.faults]


def test_a_good_pack_loads(tmp_path):
    pack = load_pack(make_pack(tmp_path))
    assert list(pack.exercises) == ["relu"]
    assert pack.lessons[0].lesson.quiz[0].answer == 1


def test_the_builtin_pack_loads():
    pack = load_pack(ROOT)
    assert "softmax" in pack.exercises
    assert pack.lessons[0].lesson.number <= pack.lessons[-1].lesson.number


def test_yaml_syntax_error_is_reported_with_file_and_line(tmp_path):
    broken = GOOD_LESSON.replace("title: Deneme dersi", "title: Deneme: dersi: bozuk")
    faults = faults_of(make_pack(tmp_path, broken))
    assert len(faults) == 1
    assert faults[0].startswith("lessons/ders.yaml:3: YAML sözdizimi hatası")
    assert "tırnak" in faults[0]


def test_tab_indentation_is_explained(tmp_path):
    broken = GOOD_LESSON.replace("  - title: Giriş", "\t- title: Giriş")
    (fault,) = faults_of(make_pack(tmp_path, broken))
    assert "lessons/ders.yaml:6:" in fault and "sekme" in fault


def test_every_fault_is_reported_at_once_with_its_line(tmp_path):
    broken = (
        GOOD_LESSON.replace("summary: Kısa bir özet.\n", "")  # missing field
        .replace("answer: 1", "answer: 5")  # out of range
        .replace(
            "    hints: [bir, iki, üç]", "    hints: [bir]\n    hint_count: 3"
        )  # too few + unknown
        .replace("grader: graders/relu.py", "grader: ../../etc/passwd")  # escapes
    )
    faults = faults_of(make_pack(tmp_path, broken))
    text = "\n".join(faults)
    assert "lessons/ders.yaml:1: zorunlu alan 'summary' eksik" in text
    assert "lessons/ders.yaml:21: en az 3 öğe gerekli, 1 öğe var." in text
    assert (
        "lessons/ders.yaml:22: bilinmeyen alan 'hint_count'. Şunu mu demek istediniz: 'hints'?"
        in text
    )
    assert "lessons/ders.yaml:20: '../../etc/passwd' paket klasörünün dışını gösteriyor" in text
    assert "lessons/ders.yaml:10: doğru cevap 5 numaralı seçenek olamaz" in text
    assert len(faults) == 5


def test_quiz_answer_out_of_range_names_its_line(tmp_path):
    faults = faults_of(make_pack(tmp_path, GOOD_LESSON.replace("answer: 1", "answer: 2")))
    assert faults == [
        "lessons/ders.yaml:11: doğru cevap 2 numaralı seçenek olamaz: 2 seçenek var (sayım 0'dan başlar)."
    ]


def test_missing_exercise_file_is_named(tmp_path):
    root = make_pack(tmp_path)
    (root / "solutions/relu.py").unlink()
    assert faults_of(root) == [
        "lessons/ders.yaml:20: 'solutions/relu.py' dosyası bulunamadı; yolu düzeltin ya da dosyayı ekleyin."
    ]


def test_absolute_paths_and_symlinks_out_of_the_pack_are_refused(tmp_path):
    outside = tmp_path / "disari.py"
    outside.write_text("GRADER = None\n")
    root = make_pack(
        tmp_path, GOOD_LESSON.replace("starter: exercises/relu.py", f"starter: {outside}")
    )
    (root / "graders/link.py").symlink_to(outside)
    faults = faults_of(root)
    assert any("mutlak bir yol" in f for f in faults)
    root2 = make_pack(
        tmp_path / "iki", GOOD_LESSON.replace("grader: graders/relu.py", "grader: graders/link.py")
    )
    (root2 / "graders/link.py").symlink_to(outside)
    assert any("paket klasörünün dışını" in f for f in faults_of(root2))


def test_unsafe_yaml_tags_are_refused(tmp_path):
    evil = GOOD_LESSON.replace(
        "title: Deneme dersi", "title: !!python/object/apply:os.system ['echo HACK']"
    )
    (fault,) = faults_of(make_pack(tmp_path, evil))
    assert "güvenli değil" in fault


def test_non_utf8_lesson_names_the_line(tmp_path):
    root = make_pack(tmp_path)
    data = GOOD_LESSON.replace("Kısa bir özet.", "Kısa bir özet ş.").encode("cp1254")
    (root / "lessons/ders.yaml").write_bytes(data)
    (fault,) = faults_of(root)
    assert fault.startswith("lessons/ders.yaml:4: dosya UTF-8 değil")


def test_mojibake_lesson_is_caught_and_a_repair_is_offered(tmp_path):
    garbled = GOOD_LESSON.encode("utf-8").decode("cp1254", errors="replace")
    (fault,) = faults_of(make_pack(tmp_path, garbled))
    assert fault.startswith("lessons/ders.yaml:4: metin bozuk kodlanmış")
    assert "--fix-encoding" in fault


def test_the_seed_notes_mojibake_copy_is_detected_and_repaired_exactly():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    garbled = next(seeds.glob("002_*.txt")).read_text(encoding="utf-8")
    clean = next(seeds.glob("001_*.txt")).read_text(encoding="utf-8")
    assert find_mojibake(garbled) is not None
    assert find_mojibake(clean) is None
    assert repair_mojibake(garbled) == clean


def test_duplicate_ids_and_keys_are_reported(tmp_path):
    second = GOOD_LESSON.replace("number: 1", "number: 2")
    root = make_pack(
        tmp_path,
        GOOD_LESSON.replace("number: 1\n", "number: 1\nnumber: 1\n"),
        extra_lessons={"lessons/iki.yaml": second},
    )
    text = "\n".join(faults_of(root))
    assert "'number' anahtarı bu eşlemede iki kez yazılmış" in text
    assert "'deneme' kimlikli ders iki kez tanımlanmış" in text
    assert "'relu' kimlikli alıştırma iki kez tanımlanmış" in text


def test_wrong_types_are_named(tmp_path):
    broken = GOOD_LESSON.replace("number: 1", "number: bir").replace(
        'choices: ["3", "4"]', "choices: dört"
    )
    text = "\n".join(faults_of(make_pack(tmp_path, broken)))
    assert "lessons/ders.yaml:2: tam sayı bekleniyordu, metin geldi." in text
    assert "lessons/ders.yaml:10: liste bekleniyordu, metin geldi." in text


def test_published_schema_matches_the_models():
    from tutor.pack import model
    from tutor.pack.schema import schema_text

    published = (ROOT / "schema/lesson.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(model.Lesson, "tutor ders dosyası (lessons/*.yaml)"), (
        "schema/ is stale: run `tutor pack schema schema/`"
    )


def test_schema_describes_required_fields_in_turkish():
    import json

    schema = json.loads((ROOT / "schema/lesson.schema.json").read_text(encoding="utf-8"))
    exercise = schema["$defs"]["Exercise"]
    assert "hints" in exercise["required"]
    assert exercise["properties"]["hints"]["minItems"] == 3
    assert "ipuçları" in exercise["properties"]["hints"]["description"]


def test_repair_restores_letters_whose_byte_windows_1254_lost():
    # "Ş", "Ğ" and "”" end in bytes (0x9E, 0x9D) that Windows-1254 has no character for: a
    # UTF-8 file read as Windows-1254 and saved again loses them. The repair puts them back.
    original = "ŞİŞLİ’de “ĞÜÇ” çalışması; öğrenci ışığı gördü."
    garbled = original.encode("utf-8").decode("cp1254", errors="ignore")
    assert garbled != original and find_mojibake(garbled) is not None
    assert repair_mojibake(garbled) == original
