"""The Textual app: `tutor` with no command opens it.

A thin face over `tutor.session`, like the CLI: it renders the same `Verdict` and grades
through the same warm worker. It never imports torch (a test proves it in a subprocess).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tutor.app.config import AppConfig

if TYPE_CHECKING:
    from tutor.app.app import TutorApp


def create_app(
    *,
    pack: Path | str | None = None,
    workspace: Path | str | None = None,
    device: str = "auto",
    progress_path: Path | None = None,
    seed: int | None = None,
    fixed: bool = False,
    warm_up: bool = True,
    resume: bool = True,
    watch: bool = True,
    editor: str | None = None,
) -> TutorApp:
    """Build the app; shared by `run_app` (the CLI) and the tests.

    Loading the pack happens here, before any screen, so that a broken pack is reported by
    the CLI as a `PackError` (exit code 2) instead of inside a half-drawn app.
    """
    # Textual costs about 0.2 s to import; the CLI's other commands never pay it.
    from tutor.app.app import TutorApp
    from tutor.session import Session

    config = AppConfig.from_env(
        pack=pack,
        workspace=workspace,
        device=device,
        progress_path=progress_path,
        seed=seed,
        fixed=fixed,
        warm_up=warm_up,
        resume=resume,
        watch=watch,
        editor=editor,
    )
    session = Session(pack, workspace)
    if progress_path is not None:
        session.use_progress_file(Path(progress_path))
    if seed is not None:
        session.draw_seed = lambda: seed
    return TutorApp(session, config)


def run_app(
    *, pack: Path | str | None = None, workspace: Path | str | None = None, device: str = "auto"
) -> int:
    """Run the app in the terminal until the learner quits; returns the exit code."""
    app = create_app(pack=pack, workspace=workspace, device=device)
    try:
        app.run()
    finally:
        app.session.close()
    return app.return_code or 0


__all__ = ["AppConfig", "create_app", "run_app"]
