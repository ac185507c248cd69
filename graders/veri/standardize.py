"""Değerlendirici: standardize.

Referans, istatistikleri yalnızca eğitim satırlarından, her öznitelik için ayrı hesaplar:
ortalama ve anakütle std'si (n'ye bölünür); std'si 0 olan sabit bir öznitelikte 1'e böler.
Sabit sütunların değerleri (yarımlar, küçük tam sayılar) float32'de tam gösterilir: ortalamaları
tam çıkar ve std tam 0 olur, yani "0 mı?" sorusunun cevabı hesaplama yoluna bağlı değildir.
"""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs


def standardize_reference(train_x: torch.Tensor, val_x: torch.Tensor):
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, correction=0)
    std = torch.where(std == 0, torch.ones_like(std), std)
    return (train_x - mean) / std, (val_x - mean) / std


def _features(g, rows: int, cols: int, dtype=torch.float32):
    """Her sütunun kendi ölçeği ve kayması var: sütunları karıştıran bir hata görünür olsun."""
    scale = g.uniform(cols, low=0.5, high=5.0, dtype=dtype)
    shift = g.uniform(cols, low=-3.0, high=3.0, dtype=dtype)
    return g.randn(rows, cols, dtype=dtype) * scale + shift


def _same_distribution(g, rows: int, val_rows: int, cols: int, dtype=torch.float32):
    both = _features(g, rows + val_rows, cols, dtype)
    return inputs(both[:rows].clone(), both[rows:].clone())


def _constant_feature(g):
    train = _features(g, 20, 3)
    train[:, 1] = g.choice([-2.5, -1.0, 0.5, 1.5, 3.0])
    val = _features(g, 8, 3)
    return inputs(train, val)


def _shifted_validation(g):
    train = g.randn(40, 3)
    val = g.randn(40, 3, scale=3.0) + 4.0
    return inputs(train, val)


def _random(g):
    cols = g.integer(1, 6)
    return _same_distribution(g, g.integer(2, 30), g.integer(1, 10), cols)


PER_FEATURE = (
    "Ortalama ve std her öznitelik (sütun) için ayrı, eğitim satırları boyunca (dim=0) "
    "hesaplanır; bütün tensörün tek bir ortalaması ve std'si değil."
)
CONSTANT = (
    "Sabit bir öznitelikte std 0'dır: 0'a bölmek NaN ya da inf verir, std'ye küçük bir eps "
    "eklemek de o sütundaki doğrulama değerlerini çok büyütür. Böyle bir sütunda std yerine "
    "1 kullanın."
)
LEAK = (
    "İstatistikler yalnızca eğitim satırlarından hesaplanır ve iki kümeye de aynen uygulanır. "
    "Eğitim kümesinin sonucu farklıysa istatistiklere doğrulama satırlarını da katmışsınız: bu "
    "veri sızıntısıdır. Yalnızca doğrulama kümesinin sonucu farklıysa doğrulama kümesini kendi "
    "istatistikleriyle dönüştürmüşsünüz; o da eğitim kümesinin ortalaması ve std'siyle "
    "dönüştürülmeli."
)
POPULATION = (
    "std anakütle std'sidir: farkların kareleri n'ye bölünür (correction=0). torch.std'nin "
    "varsayılanı n − 1'e böler; az satırda fark büyür."
)

GRADER = FunctionGrader(
    symbol="standardize",
    arg_names=("train_x", "val_x"),
    reference=standardize_reference,
    check_grad=False,
    output_names=("eğitim kümesinin sonucu", "doğrulama kümesinin sonucu"),
    cases=[
        Case("sıradan veri", lambda g: _same_distribution(g, 32, 12, 4), note=PER_FEATURE),
        Case("sabit öznitelik", _constant_feature, note=CONSTANT),
        Case("farklı dağılımdan doğrulama kümesi", _shifted_validation, note=LEAK),
        Case(
            "az satırlı eğitim kümesi (n ile n − 1)",
            lambda g: _same_distribution(g, 3, 5, 2),
            note=POPULATION,
        ),
        Case("tek öznitelik", lambda g: _same_distribution(g, 10, 4, 1)),
        Case("float64", lambda g: _same_distribution(g, 16, 6, 3, dtype=torch.float64)),
        Case(
            "bitişik olmayan girdi",
            lambda g: inputs(_features(g, 5, 25).t(), _features(g, 7, 5)),
        ),
        Case("rastgele şekiller", _random, repeat=3),
    ],
)
