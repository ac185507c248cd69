"""Grader specification: set_seed. To be written by the lead.

`set_seed(seed) -> None` seeds Python's `random`, NumPy's global generator and torch
(`torch.manual_seed`, which also seeds every CUDA device).

What happens in the learner's process (engine-side driver code)
---------------------------------------------------------------
With s1 and s2 = s1 + 1 drawn from the case seed (0 ≤ s < 2**31):

1. r = set_seed(s1); record r; record draws D1 (below).
2. Make more draws and discard them (every generator moves on).
3. set_seed(s1); record draws D2.
4. set_seed(s2); record draws D3.

Draws, in this order, each recorded separately:
- "random": [random.random() for _ in range(3)]
- "numpy": np.random.rand(3)
- "torch": torch.rand(3) (and, with --device cuda, torch.rand(3, device="cuda"))
- "model init": nn.Linear(4, 3).weight
- "DataLoader": one epoch of DataLoader(TensorDataset(torch.arange(10)), batch_size=3,
  shuffle=True) (no generator: it draws from torch's global generator)
- "dropout": F.dropout(torch.ones(10), p=0.5, training=True)

Trusted side: compare D1 with D2 per draw, and D1 with D3.

Cases (check names) and Turkish messages
----------------------------------------
1. "Python random": D1["random"] == D2["random"]. "Python'un random modülü tohumlanmamış: aynı
   tohumdan sonra random.random() farklı sayılar verdi (random.seed(seed))."
                                                                     (missing_python_random)
2. "NumPy": D1["numpy"] == D2["numpy"]. "NumPy'nin küresel üreteci tohumlanmamış: aynı tohumdan
   sonra np.random.rand() farklı sayılar verdi (np.random.seed(seed); np.random.default_rng(seed)
   yeni bir üreteç kurar, küresel olanı tohumlamaz)."           (torch_only, numpy_default_rng)
3. "torch": D1["torch"] == D2["torch"]. "torch'un üreteci tohumlanmamış: aynı tohumdan sonra
   torch.rand farklı sayılar verdi (torch.manual_seed(seed); torch.Generator().manual_seed ve
   torch.cuda.manual_seed_all küresel CPU üretecini tohumlamaz)."
                                                             (local_torch_generator, cuda_only)
4. "model başlangıç değerleri": D1 == D2 for "model init". "aynı tohumdan sonra nn.Linear farklı
   başlangıç değerleri aldı: torch'un üreteci tohumlanmamış."
5. "DataLoader karıştırması": D1 == D2 for "DataLoader". "aynı tohumdan sonra DataLoader başka bir
   sırayla karıştırdı: torch'un üreteci tohumlanmamış."
6. "dropout maskesi": D1 == D2 for "dropout". "aynı tohumdan sonra dropout maskesi farklı:
   torch'un üreteci tohumlanmamış."
7. "farklı tohumlar farklı sayılar": D3 differs from D1 in every draw that cases 1-3 found
   seeded. "farklı tohumlar ({s1} ve {s2}) aynı sayıları verdi: seed kullanılmıyor, sabit bir
   tohum var."                                                                 (fixed_seed)
8. "dönüş değeri None": r is None. "set_seed bir şey döndürmemeli; {type} döndürdü."

Wrong submissions: tests/submissions/set_seed/ (6 files, one bug each).
Timing: well under 1 s.
"""

raise NotImplementedError("grader to be written by the lead")
