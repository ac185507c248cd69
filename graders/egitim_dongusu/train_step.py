"""Grader specification: train_step (a loop grader). To be written by the lead.

`train_step(model, x, y, loss_fn, optimizer) -> float`: one training step in the order
zero_grad -> forward -> loss -> backward -> step, the model put in training mode first, the loss
returned as `loss.item()`.

What the grader hands to the learner's code (in the learner's process)
-----------------------------------------------------------------------
Recording objects built by the engine-side driver (none of them decides the verdict; they only
add reasons to fail, the pass rests on parameters compared on the trusted side):

- model: an `nn.Module` whose inner network is
  `nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.3), nn.Linear(8, 3))`, initialised from
  the case seed. Its forward appends ("ileri", self.training, torch.is_grad_enabled()) to the
  event log. Its `zero_grad` (nn.Module.zero_grad) appends "zero_grad" too. Every parameter has a
  `register_post_accumulate_grad_hook`; the first hook to fire after a forward appends "geri".
- loss_fn: a callable wrapping `nn.CrossEntropyLoss()` that appends "kayıp".
- optimizer: a wrapper around `torch.optim.SGD(params, lr=0.1)` (or `Adam(params, lr=0.05)`) whose
  `zero_grad` appends "zero_grad" and whose `step` appends "adım" and records a copy of every
  parameter's `.grad` at that moment (None kept as None).
- x: (6, 4) float32, y: (6,) int64 in [0, 3), a fresh pair per call, drawn from the case seed.

Before each call the driver appends a call separator and calls `torch.manual_seed(case_seed + i)`
so that the dropout mask is the same in the reference run. After each call it records every
parameter, and the returned value (type name; for a float its value; for a tensor its value,
`requires_grad` and `grad_fn` type name).

The trusted side runs the reference step (solutions' order, plain SGD/Adam, same seeds) on the
same data and compares parameters after each call (float32 tolerances) and the returned loss
(rel 1e-6). A mismatch of parameters is explained from the event log when it can be.

Cases (check names)
-------------------
1. "tek adım (SGD)": model in training mode, no grads; one call.
2. "çağrı sırası": two calls with SGD; only the event log is checked. Each call must be exactly
   zero_grad, ileri, kayıp, geri, adım, with zero_grad allowed anywhere before geri (also before
   ileri or between ileri and kayıp: lesson 0 writes forward -> loss -> zero_grad -> backward ->
   step, and that is correct). Exactly one ileri, one kayıp, one geri, one adım per call.
3. "üç ardışık adım (SGD)": three calls; parameters after each call.
4. "önceden kalmış gradyanlar": before the first call the driver fills every `.grad` with seeded
   random tensors (left over from "another computation"); one call.
5. "değerlendirme kipindeki model": the model is handed in eval mode (dropout would be off); one
   call; every recorded forward must have training=True.
6. "Adam ile üç adım": three calls with Adam (optimizer state makes later steps depend on
   earlier ones).
7. "dönüş değeri: Python float'u": one call; the value must be a Python float equal to the
   reference loss.

Turkish messages, one per bug (the sequence display uses the event names above)
--------------------------------------------------------------------------------
Order problems ("çağrı sırası"); each message starts with the diagnosis and ends with
"Sıranız: {learner's order joined by ' → '}; beklenen: zero_grad → ileri → kayıp → geri → adım."
- zero_grad after geri but before adım: "{n}. çağrıda zero_grad, backward ile step arasında
  çağrılmış: gradyanlar adımdan hemen önce silindi ve parametreler güncellenmedi."
                                                         (zero_grad_between_backward_and_step)
- adım before geri: "{n}. çağrıda step, backward'dan önce çağrılmış: adım bu yığının gradyanlarıyla
  atılmadı."                                                                (step_before_backward)
- no zero_grad in the call: "{n}. çağrıda zero_grad çağrılmamış: gradyanlar önceki adımlarınkilerle
  birikir."
- zero_grad only after adım: "{n}. çağrıda zero_grad adımdan sonra çağrılmış: model önceki bir
  hesaptan kalmış gradyanlarla gelirse ilk adım onlarla atılır; zero_grad backward'dan önce
  gelmeli."
- counts: "{n}. çağrıda {k} ileri geçiş (ya da kayıp, backward, step) yapılmış; her biri bir kez
  olmalı."

Parameter problems (cases 1, 3, 4, 5, 6), diagnosed from the log/grads recorded at step time:
- "üç ardışık adım (SGD)" / "Adam ile üç adım", no zero_grad in the log: "{n}. çağrıda gradyanlar
  birikmiş: zero_grad çağrılmamış. {n}. adımda kullanılan gradyan, bu yığının gradyanı ile
  öncekilerin toplamı."                                                            (no_zero_grad)
- "önceden kalmış gradyanlar", zero_grad not before geri: "1. çağrıda önceden kalmış gradyanlar
  adıma karışmış: zero_grad backward'dan önce çağrılmalı (adımın başında)."  (zero_grad_at_end)
- "değerlendirme kipindeki model", a forward with training=False: "ileri geçiş değerlendirme
  kipinde yapılmış: model eğitim kipine alınmamış (model.train() çağrılmamış); dropout kapalı
  kaldı."                                                                          (no_train_mode)
- otherwise: "{n}. çağrıdan sonra parametreler referans adımdan farklı: {tensor comparison for the
  first differing parameter, named e.g. 'net.0.weight'}."

Return value ("dönüş değeri: Python float'u"):
- tensor with grad_fn: "kayıp tensör olarak döndürülmüş (hesaplama çizgesine bağlı, grad_fn:
  {name}); çağıran onu saklarsa çizge bellekte kalır. loss.item() ile Python float'u döndürün."
                                                                                (returns_tensor)
- tensor without grad: "kayıp tensör olarak döndürülmüş; loss.item() ile Python float'u
  döndürün."
- other type: "Python float'u bekleniyordu, {type} geldi."
- wrong value: "dönen kayıp {got:.6g}, bu yığının kaybı {expected:.6g}: kaybı adımdan önceki ileri
  geçişten döndürün."

Wrong submissions: tests/submissions/train_step/ (6 files, one bug each).
Timing: under 1 s warm.
"""

raise NotImplementedError("grader to be written by the lead")
