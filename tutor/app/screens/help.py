"""The help screen (F1 or ?): a Turkish Markdown page and every key of the app."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.markdown import MarkdownText

HELP_FILE = "yardim.md"


def help_text() -> str:
    """The help page: `yardim.md` with its `{tuslar}` placeholder replaced by the keymap."""
    page = resources.files("tutor.app").joinpath(HELP_FILE).read_text(encoding="utf-8")
    return page.replace("{tuslar}", keymap.help_markdown())


class HelpScreen(ModalScreen[None]):
    BINDINGS = keymap.bindings("help")

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Content(M.APP_HELP_TITLE), id="help-title")
            with VerticalScroll(id="help-body"):
                yield MarkdownText(help_text(), id="help-text")
            yield Static(Content(M.APP_HELP_CLOSE), id="help-close")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
