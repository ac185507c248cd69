"""How one run of the app is set up: what the CLI passes, and what tests pin down.

Headless (no textual import): `create_app` builds this from its arguments.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Set by benchmarks/app_startup.py: exit as soon as the first screen has been painted, after
# writing the wall-clock time of that paint (nanoseconds since the epoch) to this file.
EXIT_AFTER_PAINT_ENV = "TUTOR_APP_EXIT_AFTER_PAINT"


@dataclass
class AppConfig:
    pack: Path | str | None = None
    workspace: Path | str | None = None
    device: str = "auto"
    # A progress database of its own (tests); None: the one in the tutor home.
    progress_path: Path | None = None
    # The seed drawn for an exercise's cases the first time it is graded (and for fresh
    # cases); None draws a random one. A test pins it.
    seed: int | None = None
    # Test mode: nothing that varies from run to run is drawn (durations, blinking cursors).
    fixed: bool = False
    # Start the grading worker in the background as soon as the app starts.
    warm_up: bool = True
    # Open the screen the learner left off at.
    resume: bool = True
    # Whether an open exercise is graded on every save of its file (the learner toggles it).
    watch: bool = True
    # The editor command; None: $VISUAL, $EDITOR, then a sensible default.
    editor: str | None = None
    exit_after_paint: str | None = None

    @classmethod
    def from_env(cls, **kwargs) -> AppConfig:
        config = cls(**kwargs)
        if config.exit_after_paint is None:
            config.exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV) or None
        return config
