"""A yes-or-no question in a modal: the explicit step before something that cannot be undone
(seeing the whole solution) or that the learner did not choose (which editor opens)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tutor import messages as M
from tutor.app import keymap


class Confirm(ModalScreen[bool]):
    """Answers True for the first button, False for "Vazgeç" or Esc."""

    BINDINGS = keymap.bindings("confirm")
    DEFAULT_CSS = """
    Confirm {
        align: center middle;
    }
    #confirm-dialog {
        width: 70;
        max-width: 95%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    #confirm-title {
        text-style: bold;
        color: $warning;
        padding-bottom: 1;
    }
    #confirm-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    #confirm-buttons Button {
        margin-left: 2;
    }
    """

    def __init__(self, title: str, text: str, yes: str, *, yes_is_default: bool = False):
        super().__init__()
        self.title_text = title
        self.text = text
        self.yes = yes
        self.yes_is_default = yes_is_default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Content(self.title_text), id="confirm-title")
            yield Static(Content(self.text), id="confirm-text")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.yes), id="confirm-yes", variant="warning", compact=True)
                yield Button(Content(M.APP_CANCEL), id="confirm-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.yes_is_default else "#confirm-no").focus()

    @on(Button.Pressed)
    def _answered(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_cancel(self) -> None:
        self.dismiss(False)
