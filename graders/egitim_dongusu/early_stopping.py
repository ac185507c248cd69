"""Grader specification: early_stopping (class `EarlyStopping`). To be written by the lead.

`EarlyStopping(patience=3, min_delta=0.0)`, `step(val_loss) -> bool`, attribute `best_loss`.
Improvement means `val_loss < best_loss - min_delta`; then best_loss = val_loss and the counter
of steps without improvement resets to 0. Any other step adds 1 to the counter and leaves
best_loss alone. `step` returns `counter >= patience`. best_loss starts at float("inf").
The reference is `EarlyStoppingReference` below (the same as the solution).

What the grader hands to the learner's code (in the learner's process)
-----------------------------------------------------------------------
For each case: constructor keyword arguments (or none, for the defaults) and a sequence of
Python floats. The driver constructs the object, records `best_loss` before any step, then for
each value calls `step(value)` and records the returned value (type name and value) and
`best_loss` after the call. Everything compared on the trusted side with the reference run on
the same sequence.

Cases (check names): sequence, arguments, and what it catches
------------------------------------------------------------
1. "başlangıç: best_loss sonsuz": best_loss right after construction is float("inf").
   "başlangıçta best_loss float('inf') olmalı, {got!r} geldi: ilk kayıp her zaman bir iyileşme
   sayılmalı."                                                               (initial_best_zero)
2. "hep iyileşen kayıp": [1.0, 0.8, 0.6, 0.4, 0.2], defaults: never stops.
3. "düzleşen kayıp": [1.0, 0.8, 0.7, 0.7, 0.7, 0.7], patience=3: True only at the 6th step.
   When the learner treats an equal loss as an improvement: "{k}. adımda kayıp ({v}) en iyi
   değere eşit; eşit kayıp iyileşme sayılmaz (val_loss < best_loss - min_delta, <= değil)."
                                                                              (less_or_equal)
4. "min_delta'dan küçük iyileşmeler": [1.0, 0.97, 0.95, 0.93], patience=2, min_delta=0.05: True
   at the 3rd step. "min_delta yok sayılmış: {k}. adımda kayıp {v}, en iyi değerden ({b})
   min_delta'dan ({d}) az düştü; bu bir iyileşme sayılmaz."                 (ignores_min_delta)
5. "best_loss yalnızca iyileşmede güncellenir": [1.0, 0.95, 0.9, 0.85, 0.8], patience=3,
   min_delta=0.1: never True; best_loss 1.0, 1.0, 1.0, 0.85, 0.85. "{k}. adımda best_loss {v}
   oldu ama bu bir iyileşme değildi (min_delta'dan az düşüş): best_loss yalnızca iyileşmede
   güncellenir."                                                        (best_on_any_decrease)
6. "iyileşme sayacı sıfırlar": [1.0, 1.1, 1.2, 0.9, 1.0, 1.1, 1.2], patience=3: True only at the
   7th step. "{k}. adımda erken durdu: {j}. adımdaki iyileşme sayacı sıfırlamalıydı; yalnızca art
   arda gelen iyileşmesiz adımlar sayılır."                                 (counter_not_reset)
7. "tam patience adımda durur": [0.5, 0.6, 0.7, 0.8], patience=2: True from the 3rd step on.
   Late: "bir adım geç durdu: {patience} adım art arda iyileşme olmadığında ({k}. adımda) True
   dönmeli (sayaç >= patience)."                                       (stops_one_step_late)
   Early: "bir adım erken durdu: {k}. adımda yalnızca {c} adımdır iyileşme yok, patience
   {patience}."
8. "patience=1": [1.0, 1.0, 0.5], patience=1: [False, True, False].
9. "dönüş değeri bool": every returned value is a Python bool. "step bool döndürmeli, {type}
   geldi."
10. "rastgele kayıp dizileri" (repeat 3): 15 values from a seeded noisy decreasing walk rounded to
   3 decimals (so equal values occur), patience in [1, 4], min_delta in {0, 0.01, 0.05}.

For a mismatch the message gives the first differing step, the learner's and the expected return
and best_loss, and then the diagnosis above that fits (the grader can tell which rule was broken
by replaying the sequence through the variants: `<=`, no min_delta, no reset, `>`, best updated
on any decrease).

Wrong submissions: tests/submissions/early_stopping/ (6 files, one bug each).
Timing: well under 1 s.
"""


class EarlyStoppingReference:
    def __init__(self, patience: int = 3, min_delta: float = 0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss: float) -> bool:
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience


raise NotImplementedError("grader to be written by the lead")
