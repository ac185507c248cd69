"""Turkish-aware folding: what the glossary search and the command palette match with."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tutor.textfold import (
    contains,
    find_spans,
    fold,
    fold_with_offsets,
    sort_key,
    spans_from_positions,
    turkish_lower,
    turkish_upper,
)


@pytest.mark.parametrize("typed", ["ışık", "isik", "IŞIK", "ISIK", "Işık", "İŞİK", "işık"])
def test_every_spelling_of_isik_folds_to_the_same_key(typed):
    assert fold(typed) == "isik"


def test_dotted_and_dotless_i_are_lowered_the_turkish_way():
    assert turkish_lower("IŞIK") == "ışık"
    assert turkish_lower("İSTANBUL") == "istanbul"
    assert turkish_upper("ışık") == "IŞIK"
    assert turkish_upper("istanbul") == "İSTANBUL"
    # Python's own lower() turns "İ" into two characters; the Turkish way keeps one.
    assert len("İ".lower()) == 2 and turkish_lower("İ") == "i"


def test_all_turkish_letters_fold_to_plain_latin_letters():
    assert fold("çÇğĞıIİiöÖşŞüÜ") == "ccggiiiioossuu"


def test_letters_of_other_languages_lose_their_marks_too():
    assert fold("Résumé naïve Straße") == "resume naive strasse"


def test_a_decomposed_letter_folds_like_the_composed_one():
    decomposed = "s\u0327eki\u0307l"  # ş and a dotted i written as letter + combining mark
    assert fold(decomposed) == fold("şekil") == "sekil"


def test_contains_needs_every_word_of_the_query_in_any_order():
    assert contains("asiri ogrenme", "aşırı öğrenme (overfitting)")
    assert contains("OVERFITTING aşırı", "aşırı öğrenme (overfitting)")
    assert not contains("asiri dropout", "aşırı öğrenme (overfitting)")
    assert contains("", "her şey")


def test_find_spans_point_into_the_original_text():
    text = "Bir ışık gördüm, IŞIK!"
    spans = find_spans("isik", text)
    assert [text[a:b] for a, b in spans] == ["ışık", "IŞIK"]


def test_find_spans_merge_overlapping_words():
    assert find_spans("öğren renme", "öğrenme") == [(0, 7)]


def test_offsets_map_a_folded_character_back_to_where_it_came_from():
    folded, offsets = fold_with_offsets("Straße ış")
    assert folded == "strasse is"
    assert offsets == [0, 1, 2, 3, 4, 4, 5, 6, 7, 8]
    assert spans_from_positions([4, 5, 8, 9], offsets) == [(4, 5), (7, 9)]


def test_sorting_follows_the_turkish_alphabet():
    words = [
        "zaman",
        "şekil",
        "çapraz",
        "cihaz",
        "ışık",
        "iç",
        "öznitelik",
        "ortalama",
        "ağırlık",
        "aktivasyon",
    ]
    assert sorted(words, key=sort_key) == [
        "ağırlık", "aktivasyon", "cihaz", "çapraz", "ışık", "iç", "ortalama", "öznitelik", "şekil", "zaman",
    ]  # fmt: skip


def test_sorting_ignores_case_and_puts_english_letters_in_their_latin_places():
    assert sorted(["Weight", "vektör", "yığın", "İleri", "ısı", "quantile"], key=sort_key) == [
        "ısı", "İleri", "quantile", "vektör", "Weight", "yığın",
    ]  # fmt: skip


def test_the_module_imports_no_ui_library():
    import subprocess

    code = "import sys, tutor.textfold; print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    ).stdout
    assert out.strip() == "[]"
