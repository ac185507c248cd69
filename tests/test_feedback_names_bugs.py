"""Every wrong submission is asserted by words that name its own bug.

`tests/test_wrong_submissions.py` grades each file in wrong/<exercise>/ and checks
that the failing check's message contains the header's `beklenen-mesaj`. That proves little
when those words are a fragment every failure carries ("tolerans dışında", "NaN"): a grader
that says nothing about the bug would still pass. These tests read the headers only (no
grading), over the whole pack, and name every file that breaks a rule:

- `beklenen-mesaj` must not be made only of generic words: the skeleton of the engine's
  comparison messages, exception names, numbers and punctuation;
- no two wrong submissions of the same exercise may be asserted by the same words, nor one
  by words contained in another's (then one message could satisfy both).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from conftest import SUBMISSIONS, submission_expectations, wrong_submissions

# Words that any failing check may carry whatever the bug: the skeleton of the comparison
# messages (tutor/grading/compare.py, losses.py, optim.py), value kinds, exception names.
# A `beklenen-mesaj` made only of these (and numbers, punctuation) names no bug.
GENERIC_WORDS = frozenset(
    """
    tolerans dışında nan sonsuz inf ınf istisna istisnası hata hatası
    farklı beklenen beklenmeyen gelen geldi dönen
    çıktı çıktısı değer değeri değerler değerleri kayıp kaybı
    şekil şekli veri tipi tipi cihaz tensör tensor float int bool none
    gradyan gradyanı gradyanları x elemandan tanesi konumunda konumu ilki
    adım adımda adımdan ayrışıyor ayrıştı parametre parametreler parametresinde parametresi
    fark mutlak göreli en büyük atol rtol sonra
    runtimeerror typeerror valueerror indexerror attributeerror keyerror
    zerodivisionerror assertionerror exception
    """.split()
)
# Exercise ids of lessons 0-6 and of lessons 7-11 live side by side in wrong/;
# the rule is the same for all of them.

_TOKEN = re.compile(r"[^\s,;:()'\"`]+")


def _fold(text: str) -> str:
    """Turkish-aware lower case: "İ" → "i", "I" → "ı"."""
    return text.replace("İ", "i").replace("I", "ı").lower()


def _meaningful_words(message: str) -> list[str]:
    words = []
    for token in _TOKEN.findall(_fold(message)):
        token = token.strip(".!?")
        if not token or token in GENERIC_WORDS:
            continue
        if re.fullmatch(r"[-+]?[\d.]+(e[-+]?\d+)?|p\d+|\d+\.?", token):
            continue  # numbers and parameter names ("p0"): no bug is named by them
        words.append(token)
    return words


def _relative(path: Path) -> str:
    return str(path.relative_to(SUBMISSIONS.parent.parent))


def _expected_words() -> list[tuple[Path, str]]:
    found = []
    for path in wrong_submissions():
        expect = submission_expectations(path)
        found.append((path, expect.get("beklenen-mesaj", "")))
    return found


def test_every_wrong_submission_is_asserted_by_words_that_name_its_bug():
    offenders = [
        f"{_relative(path)}: beklenen-mesaj {words!r} yalnızca genel sözcüklerden oluşuyor"
        for path, words in _expected_words()
        if not _meaningful_words(words)
    ]
    assert not offenders, (
        "Bu yanlış gönderimlerin başlığı hatayı adlandırmıyor (iletideki genel bir parçayı "
        "bekliyor); değerlendiriciye bu hatayı adlandıran bir not ya da teşhis ekleyin ve "
        "başlığa o sözcükleri yazın:\n" + "\n".join(offenders)
    )


def test_no_two_wrong_submissions_of_an_exercise_are_asserted_by_the_same_words():
    by_exercise: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for path, words in _expected_words():
        by_exercise[path.parent.name].append((path, _fold(words).strip()))
    offenders = []
    for items in by_exercise.values():
        for i, (path_a, words_a) in enumerate(items):
            for path_b, words_b in items[i + 1 :]:
                if words_a and words_b and (words_a in words_b or words_b in words_a):
                    offenders.append(
                        f"{_relative(path_a)} ({words_a!r}) ve {_relative(path_b)} ({words_b!r})"
                    )
    assert not offenders, (
        "Aynı alıştırmanın iki yanlış gönderimi aynı sözcüklerle denetleniyor; biri ötekinin "
        "iletisiyle de geçebilir. Her birine kendi hatasını adlandıran sözcükleri yazın:\n"
        + "\n".join(offenders)
    )


def test_the_generic_fragments_alone_are_recognized():
    for fragment in (
        "tolerans dışında",
        "NaN",
        "sonsuz (Inf)",
        "RuntimeError",
        "İstisna",
        "farklı",
        "beklenen",
        "veri tipi farklı",
        "şekil farklı",
        "x gradyanı",
        "1. adımda ayrışıyor",
        "beklenen 0.1",
        "gelen nan",
    ):
        assert not _meaningful_words(fragment), fragment
    for naming in ("ortalama yerine toplam", "son katmandan sonra ReLU", "eps karekökün"):
        assert _meaningful_words(naming), naming
