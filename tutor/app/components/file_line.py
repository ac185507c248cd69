"""The learner's file path on one line, never broken in the middle of a name.

A path has no spaces, so ordinary wrapping would cut it anywhere. This widget picks the
longest form that fits its width: label, path and key; label and path; the path alone on a
line under the label, with the home folder as ~; at last the path's end after an ellipsis.
"""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.events import Resize
from textual.widgets import Static

from tutor import messages as M
from tutor.display import short_path


class FileLine(Static):
    DEFAULT_CSS = """
    FileLine {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, path: Path, *, id: str | None = None):
        super().__init__(id=id)
        self.path = path

    def on_mount(self) -> None:
        self.update(self.layout_for(max(self.size.width, 1) if self.size.width else 10_000))

    def on_resize(self, event: Resize) -> None:
        self.update(self.layout_for(max(self.size.width, 1)))

    def layout_for(self, width: int) -> Content:
        label = (M.APP_EXERCISE_FILE, "dim")
        key = (M.APP_EXERCISE_EDIT, "dim")
        alone = (M.APP_EXERCISE_FILE.rstrip(), "dim")
        for path in (str(self.path), short_path(self.path)):
            shown = (path, "bold $accent")
            if len(label[0]) + len(path) + len(key[0]) <= width:
                return Content.assemble(label, shown, key)
            if len(label[0]) + len(path) <= width:
                return Content.assemble(label, shown)
            if len(path) <= width:
                return Content.assemble(alone, key, "\n", shown)
        path = short_path(self.path)
        return Content.assemble(alone, key, "\n", ("…" + path[-(width - 1) :], "bold $accent"))

    @property
    def text(self) -> str:
        """The path as shown (for tests and for people copying it)."""
        return str(self.render())
