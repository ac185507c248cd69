import os
import sys

# `python -m tutor` puts the current folder first on sys.path; a learner's `random.py` or
# `torch.py` there must not replace the standard library or torch in the tutor's own process.
# (The tutor package itself is already imported by now.)
_here = os.path.realpath(os.getcwd())
sys.path[:] = [p for p in sys.path if p and os.path.realpath(p) != _here]

from tutor.cli import main  # noqa: E402

raise SystemExit(main())
