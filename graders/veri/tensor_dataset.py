"""Grader specification: tensor_dataset (class `PairDataset`). To be written by the lead.

The learner writes `class PairDataset(torch.utils.data.Dataset)` with `__init__(self, features,
labels)`, `__len__` and `__getitem__`. The reference is `torch.utils.data.TensorDataset` with the
same two tensors. The FunctionGrader cannot construct a class and iterate it, so this needs a small
"dataset" grader kind (or a generic class-driving one).

What the grader hands to the learner's code (in the learner's process)
-----------------------------------------------------------------------
For each case: `features` and `labels` drawn from the case seed (plain tensors, on the grading
device). The driver constructs `ds = PairDataset(features, labels)` and records, as plain data:

- `isinstance(ds, torch.utils.data.Dataset)`;
- `len(ds)` (or the exception it raised);
- for every index `i` in `range(len(TensorDataset(features, labels)))`: what `ds[i]` returned: its
  type, and for a tuple its length and each element (tensor, or type name and repr for anything
  else);
- the batches of `DataLoader(ds, batch_size=B, shuffle=False)` and of
  `DataLoader(ds, batch_size=B, shuffle=True, generator=torch.Generator().manual_seed(S))`, with
  B and S from the case (each batch: a list of tensors, or the exception raised while iterating);
- for the mismatch case: the exception type name and message raised by the constructor, or "none";
- `features` and `labels` after everything (to catch in-place changes).

The trusted side builds `TensorDataset(features, labels)` and the same two loaders (same B, same
S) and compares. Forbidden: `TensorDataset` (static name check and at run time).

Cases (names are the check names shown to the learner)
------------------------------------------------------
1. "tablo ve tam sayı etiketler": features (12, 3) float32 randn, labels (12,) int64 in [0, 4).
2. "görüntü yığını ve ondalıklı hedefler": features (6, 1, 4, 4) float32, labels (6, 1) float32.
3. "tek örnek": features (1, 5), labels (1,) int64.
4. "DataLoader ile, karıştırmadan": N = 10, B = 4 (batches 4, 4, 2), shuffle=False.
5. "DataLoader ile, karıştırarak": N = 10, B = 3, shuffle=True with a seeded generator; the
   learner's batches must equal TensorDataset's with the same generator seed (the sampler depends
   only on len and the generator, so a correct __len__/__getitem__ gives identical batches).
6. "uzunluklar farklı: ValueError": constructor with features (5, 2) and labels (4,), and again
   with features (4, 2) and labels (5,): a ValueError each time.
7. "rastgele şekiller" (repeat 2): N in [2, 20], features (N, *shape(1, 3)), labels (N,) int64.

Checks and Turkish messages (in this order; the first failing one is the case's message)
-----------------------------------------------------------------------------------------
- not a Dataset subclass: "PairDataset, torch.utils.data.Dataset'ten türemeli."
- len wrong: "len(veri_seti) {got} döndü, {expected} bekleniyordu: __len__ örnek (satır) sayısını,
  yani ilk boyutun uzunluğunu vermeli."                                       (len_counts_features)
- ds[i] not a 2-tuple: "ds[{i}] iki öğeli bir demet (öznitelikler, etiket) döndürmeli; {what}
  geldi." where what is e.g. "tensör" or "3 öğeli demet"                          (features_only)
- an element not a tensor: "ds[{i}][{k}]: tensör bekleniyordu, {type} geldi. Tensörleri Python
  listelerine çevirmeden saklayın."                                                 (python_lists)
- elements swapped (ds[i] == (labels[i], features[i])): "ds[{i}] öğeleri ters sırada: önce
  öznitelikler (features[{i}]), sonra etiket (labels[{i}])."                       (swapped_pair)
- ds[i] equals row j != i: "ds[{i}], {j}. satırı döndürüyor; i. örnek features[i] ve labels[i]
  olmalı."
- other value difference: the usual tensor comparison message with what = "ds[{i}][{k}]".
- loader batch differs: "DataLoader'ın {k}. yığını TensorDataset'in aynı tohumlu yığınından
  farklı: {tensor comparison}." (also the number of batches: "DataLoader {got} yığın verdi,
  {expected} bekleniyordu.")
- mismatch, no exception: "features {n} satır, labels {m} satır iken kurucu hata fırlatmadı;
  ValueError fırlatmalı."                                                       (no_length_check)
- mismatch, other exception: "ValueError bekleniyordu, {type} fırlatıldı." and, when the type is
  AssertionError: " assert yerine raise ValueError(...) yazın: assert, python -O ile hiç
  çalışmaz."                                                       (assert_instead_of_value_error)
- inputs changed in place: the engine's CMP_INPUT_CHANGED message.

Wrong submissions: tests/submissions/tensor_dataset/ (6 files, one bug each).
"""

raise NotImplementedError("grader to be written by the lead")
