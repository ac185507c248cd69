"""Every key of the app, as data: the bindings, the footer and the help screen come from here.

Each key has an id; its Turkish footer label and help line live in `messages.APP_KEYS[id]`.
Keys handled by Textual's own widgets (arrows, Tab, page keys) are listed with `bound=False`
so that the help screen names them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tutor import messages as M


@dataclass(frozen=True)
class Key:
    id: str
    keys: str  # Textual key names, comma-separated: "f1,question_mark"
    action: str = ""
    display: str | None = None  # how the footer and the help screen write the key
    show: bool = True
    priority: bool = False
    bound: bool = True  # False: a key Textual's widgets already handle; listed in help only
    in_help: bool = True  # False: a twin of a key the help already lists (quiz keys 2…9)
    # show=False keys with in_help=True are named on the screen where they apply instead.
    conditional: bool = False  # shown only while the screen allows it (`n` after a pass)

    @property
    def label(self) -> str:
        return M.APP_KEYS[self.id][0]

    @property
    def help(self) -> str:
        return M.APP_KEYS[self.id][1]

    def shown_keys(self) -> str:
        if self.display:
            return self.display
        return " / ".join(key_name(k) for k in self.keys.split(","))


def key_name(key: str) -> str:
    """How a person writes a Textual key name: "ctrl+f" → "Ctrl+F", "escape" → "Esc"."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    *modifiers, last = key.split("+")
    if not modifiers:
        return key
    return "+".join(
        [*(m.capitalize() for m in modifiers), last.upper() if len(last) == 1 else last]
    )


_KEY_NAMES = {
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "f1": "F1",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "space": "Boşluk",
}

# Scope → keys. "app" keys work on every screen; a screen's own keys are listed under its scope.
KEYMAP: dict[str, tuple[Key, ...]] = {
    "app": (
        Key("app.help", "f1,question_mark", "app.help", display="F1/?"),
        # Shown once, at the right-hand end of the footer (Textual puts the palette key there).
        Key("app.palette", "ctrl+p", "app.command_palette", priority=True, show=False),
        Key("app.glossary", "s", "app.glossary"),
        Key("app.home", "h", "app.home"),
        Key("app.quit", "q", "app.quit"),
        # Textual binds Ctrl+Q itself, with an English label: the same key, in Turkish.
        Key("app.quit_always", "ctrl+q", "app.quit", show=False, priority=True),
    ),
    "map": (
        Key("map.open", "enter", bound=False),  # the tree's own Enter; the screen opens the node
        Key("map.next", "d", "next_exercise"),
        Key("map.move", "up,down", bound=False, display="↑ ↓"),
        Key("map.expand", "space", bound=False),
    ),
    "lesson": (
        Key("common.back", "escape", "back"),  # from the table of contents: closes it
        Key("lesson.toc", "t", "toggle_toc"),
        Key("lesson.copy", "c", "copy_example"),
        Key("lesson.quiz", "b", "quiz"),
        Key("lesson.pre_quiz", "o", "pre_quiz"),
        Key("lesson.exercise", "a", "exercise"),
        Key("lesson.focus", "tab,shift+tab", bound=False, display="Tab / Shift+Tab"),
        Key(
            "lesson.scroll",
            "up,down,pageup,pagedown,home,end",
            bound=False,
            display="↑ ↓ PgUp PgDn Home End",
        ),
    ),
    "quiz": (
        Key("common.back", "escape", "app.back"),
        Key("quiz.choose", "1", "choose(0)", display="1…9"),
        *(
            Key(f"quiz.choose{n}", str(n), f"choose({n - 1})", show=False, in_help=False)
            for n in range(2, 10)
        ),
        Key("quiz.next", "n", "next"),
        Key("quiz.restart", "r", "restart"),
        Key("quiz.select", "enter", bound=False, display="↑ ↓ Enter"),
    ),
    "exercise": (
        Key("common.back", "escape", "app.back"),
        Key("exercise.edit", "e", "edit"),
        Key("exercise.submit", "g", "submit"),
        Key("exercise.hint", "i", "hint"),
        Key("exercise.watch", "w", "toggle_watch"),
        # Shown in the footer only after a pass (the screen's `check_action`).
        Key("exercise.next", "n,d", "next_exercise", display="n", conditional=True),
        # Named where they apply (under the verdict, in the hints panel) and in the help,
        # so that the footer keeps the keys of the loop at 80 columns.
        Key("exercise.fresh", "y", "fresh_cases", show=False),
        Key("exercise.solution", "c", "solution", show=False),
        Key("exercise.maximize", "b", "maximize_pane", show=False),
        Key("exercise.panes", "tab", bound=False, display="Tab"),
        # The app's keys, working as everywhere but left out of this screen's footer.
        *(
            Key(app_key, keys, f"app.{action}", show=False, in_help=False)
            for app_key, keys, action in (
                ("app.glossary", "s", "glossary"),
                ("app.home", "h", "home"),
                ("app.quit", "q", "quit"),
            )
        ),
    ),
    "glossary": (
        Key("common.back", "escape", "app.back"),
        Key("glossary.search", "ctrl+f", "focus_search"),
        Key("glossary.down", "down", "move(1)", priority=True),
        Key("glossary.up", "up", "move(-1)", priority=True),
        Key("glossary.type", "", bound=False, display="harfler"),
    ),
    "help": (Key("help.close", "escape,f1,q", "dismiss_help", display="Esc / F1 / q"),),
    "confirm": (
        Key("confirm.cancel", "escape", "cancel"),
        Key("confirm.choose", "tab,enter", bound=False, display="Tab / Enter"),
    ),
}

SCOPES = ("app", "map", "lesson", "quiz", "exercise", "glossary", "help", "confirm")


def bindings(scope: str) -> list[Binding]:
    """The Textual bindings of a scope, each with an id, its Turkish label and tooltip."""
    return [
        Binding(
            key.keys,
            key.action,
            key.label,
            show=key.show,
            key_display=key.display,
            priority=key.priority,
            tooltip=key.help,
            id=key.id,
        )
        for key in KEYMAP[scope]
        if key.bound
    ]


def help_markdown() -> str:
    """The keys section of the help screen: one Markdown table per scope."""
    parts = []
    for scope in SCOPES:
        rows = [
            f"| `{key.shown_keys()}` | {key.label} | {key.help} |"
            for key in KEYMAP[scope]
            if key.in_help
        ]
        parts.append(
            f"### {M.APP_KEY_SCOPES[scope]}\n\n| {M.APP_HELP_KEY} | {M.APP_HELP_DOES} | {M.APP_HELP_DETAIL} |\n| --- | --- | --- |\n"
            + "\n".join(rows)
        )
    return "\n\n".join(parts)
