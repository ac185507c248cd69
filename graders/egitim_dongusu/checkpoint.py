"""Grader specification: checkpoint (`save_checkpoint`, `load_checkpoint`). To be written by the lead.

`save_checkpoint(path, model, optimizer, epoch)` and `load_checkpoint(path, model, optimizer) ->
int`. Training resumed from the checkpoint must follow exactly the path of training that never
stopped.

What happens in the learner's process (engine-side driver code around the learner's functions)
-----------------------------------------------------------------------------------------------
Data X (32, 4), Y (32, 2) from the case seed. `make(seed)` builds
`nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))` (BatchNorm: its
running statistics are buffers that must travel too) and the case's optimizer. One "epoch" is one
full-batch step in training mode: zero_grad, MSE loss, backward, step.

1. model, opt = make(seed_a); run k = 3 epochs.
2. `save_checkpoint(path, model, opt, epoch=3)`, path inside the learner's private temp folder.
3. The driver itself tries `torch.load(path, weights_only=True)` and records: success or the
   exception text; whether the loaded object contains, at depth ≤ 2, a dict with keys "state" and
   "param_groups" (an optimizer state_dict).
4. model2, opt2 = make(seed_b) (different initial values, fresh optimizer); record
   `returned = load_checkpoint(path, model2, opt2)` (type and value), then model2.state_dict()
   and opt2.state_dict() right after loading.
5. Continue training model2/opt2 for 3 more epochs, recording model2.state_dict() after each.

Trusted side: the uninterrupted run (make(seed_a), 6 epochs) with its state after every epoch,
and the optimizer's state_dict after epoch 3. Compared exactly (same ops on the same device; a
tolerance of 1e-6 if the device is CUDA).

Cases (check names): Adam(lr=0.05) unless said otherwise
--------------------------------------------------------
1. "weights_only=True ile açılır": step 3 succeeded. "kontrol noktası torch.load(path,
   weights_only=True) ile açılamıyor: modelin ya da eniyileyicinin kendisini değil state_dict'ini
   kaydedin. ({exception, first line})"                                        (whole_objects)
2. "dönem numarası": returned is an int equal to 3. "load_checkpoint {got!r} döndürdü, kaydedilen
   dönem 3: dönemi olduğu gibi döndürün (bir sonraki dönemi hesaplamak döngünün işi)."
                                                                             (epoch_plus_one)
3. "model yüklenir": model2's parameters and buffers after loading equal the saved ones.
   "yüklemeden sonra {name} kaydedilen değerle aynı değil: durum verilen modele yüklenmemiş
   (model.load_state_dict(...); model.state_dict().update(...) yalnızca bir kopyayı değiştirir)."
                                                                           (model_not_loaded)
4. "eniyileyici yüklenir": opt2's state_dict after loading equals the saved optimizer's (state
   tensors and param_groups). Two messages:
   - the file has no optimizer state (step 3): "eniyileyicinin durumu kaydedilmemiş: Adam'ın
     momentleri ve adım sayıları olmadan sürdürülen eğitim, kesilmeyen eğitimden ayrılır."
                                                                         (no_optimizer_state)
   - the file has it but opt2 is still empty/different: "eniyileyicinin durumu dosyada var ama
     verilen eniyileyiciye yüklenmemiş (optimizer.load_state_dict(...); optimizer = ... yalnızca
     yerel adı değiştirir)."                                                (optimizer_rebound)
5. "kesintisiz eğitimle aynı yol": after each resumed epoch e (4, 5, 6) model2 equals the
   uninterrupted run. "sürdürülen eğitim {e}. dönemde kesintisiz eğitimden ayrıldı: {tensor
   comparison of the first differing entry}." followed by the diagnosis of 3 or 4 if either
   failed.
6. "SGD momentumu ile": cases 3-5 with SGD(lr=0.05, momentum=0.9) (momentum buffers).

Wrong submissions: tests/submissions/checkpoint/ (5 files, one bug each).
Timing: well under 1 s warm.
"""

raise NotImplementedError("grader to be written by the lead")
