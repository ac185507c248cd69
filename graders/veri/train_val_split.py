"""Grader specification: train_val_split. To be written by the lead.

`train_val_split(X, y, val_fraction, seed) -> (X_train, y_train, X_val, y_val)`. There is no
reference permutation: any seeded random order is correct. The grader checks properties.

What the grader hands to the learner's code (in the learner's process)
-----------------------------------------------------------------------
For each case, `X` and `y` drawn from the case seed. X's rows are all distinct (randn rows), so a
returned row can be traced back to its index on the trusted side by exact equality; y is built so
that row i's label is known (e.g. `y = torch.randperm(N)` or class labels; the trusted side keeps
the index map). The driver, in this order:

1. seeds the three global generators with values unrelated to `seed` (torch.manual_seed(K),
   random.seed(K), np.random.seed(K), K from the case seed), draws one number from each, and
   records `torch.get_rng_state()`, `random.getstate()` and `np.random.get_state()`;
2. calls `train_val_split(X, y, val_fraction, seed)` and records the four outputs (tensors or
   type names) and the three generator states after the call;
3. calls it again with the same arguments (outputs recorded), and once with `seed + 1`;
4. for the invalid fractions: calls with each fraction and records the exception type name or
   "none".

Outputs are compared on the trusted side; nothing of the row map is in the learner's process
beyond X and y themselves.

Cases (check names) and what each checks
----------------------------------------
1. "boylar: n_val = int(len(X) * val_fraction)": N = 9, val_fraction = 0.3 (int gives 2, round
   gives 3) and N = 100, 0.2. len(X_val) == int(N * f), len(X_train) == N - that, y sizes alike.
   Message: "doğrulama kümesinde {got} satır var, {expected} bekleniyordu: n_val =
   int(len(X) * val_fraction) (aşağı yuvarlanır; round değil)."                      (round_n_val)
2. "hiçbir satır kaybolmaz ya da tekrarlanmaz": N = 20, 0.2. Map every output row to its index.
   Messages: "{k} satır hem eğitim hem doğrulama kümesinde (ya da bir kümede iki kez) görünüyor;
   ilki X'in {i}. satırı."                                                       (overlapping_sets)
   "{k} satır iki kümede de yok: kaybolmuş; ilki X'in {i}. satırı."                   (loses_a_row)
   A row that is not any row of X: "X_train'in {j}. satırı X'te yok: satırlar değiştirilmiş."
3. "çiftler bozulmaz": N = 30, 0.3, y = torch.randperm(30) from the case seed (so a sorted y does
   not hide a mismatch). For each output row, y_out[j] must be y[index of X_out[j]]. Message:
   "X_train'in {j}. satırının etiketi yanlış (beklenen {e}, gelen {g}): satırlar ve etiketler ayrı
   sıralarla karıştırılmış; X ve y'yi aynı indekslerle seçin."              (separate_permutations)
4. "aynı tohum, aynı ayrım": N = 50, 0.2; the two calls with the same seed must return identical
   tensors. Message: "aynı tohumla iki çağrı farklı ayrımlar verdi: sıra seed'den üretilmiyor
   (torch.Generator().manual_seed(seed) ile kendi üretecinizi kurun)."              (ignores_seed)
5. "farklı tohum, farklı ayrım": the call with seed + 1 must give a different validation set (as a
   set of row indices). Message: "farklı tohumlar aynı ayrımı verdi: seed kullanılmıyor."
6. "sıralı veride rastgele ayrım": N = 40, 0.25, y sorted (20 zeros then 20 ones). The validation
   indices must be neither the last n_val rows nor the first n_val rows (probability of either
   for a random permutation is negligible). Message: "doğrulama kümesi verinin son {n} satırı:
   satırlar karıştırılmadan ayrılmış; sıralı veride doğrulama kümesi tek sınıftan oluşur."
   (for the first rows: "... verinin ilk {n} satırı: ...")                             (no_shuffle)
7. "küresel üreteçlere dokunmaz": the three global generator states after the first call equal
   those recorded before it. Messages (first that applies):
   "torch'un küresel üretecinin durumu değişmiş: torch.manual_seed ya da küresel üreteçten
   çekilen sayılar yerine torch.Generator().manual_seed(seed) kullanın."      (global_manual_seed)
   "NumPy'nin küresel üretecinin durumu değişmiş: np.random.seed yerine kendi üretecinizi
   kullanın."  "random modülünün küresel üretecinin durumu değişmiş."
8. "geçersiz oranlar: ValueError": val_fraction in (0.0, 1.0, -0.1, 1.5) with N = 10. Messages:
   "val_fraction={f} için ValueError bekleniyordu, hata fırlatılmadı." or "val_fraction={f} için
   ValueError bekleniyordu, {type} fırlatıldı."                                     (no_value_error)
9. "çok boyutlu X, 2 boyutlu y": X (12, 2, 3), y (12, 2), 0.25; checks 1-3 together.
10. "rastgele boylar" (repeat 2): N in [5, 60], f uniform in [0.05, 0.95]; checks 1-3 together.

Every case also checks the output types (four tensors: "dört tensörlü bir demet (X_train,
y_train, X_val, y_val) bekleniyordu, {what} geldi.") and that X and y were not changed in place
(CMP_INPUT_CHANGED).

Wrong submissions: tests/submissions/train_val_split/ (8 files, one bug each).
"""

raise NotImplementedError("grader to be written by the lead")
