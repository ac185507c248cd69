"""A Markdown table that always fits the width it is given, and reads right at any width.

Rich's Markdown tables shrink columns until everything fits, breaking `(N, C, H, W)` over two
lines or a word letter by letter. Here a code span is never broken and a word never split:
each column is at least as wide as its widest unbreakable piece. If the columns fit at their
natural width they keep it; if they fit only by wrapping prose, the spare room goes to the
columns that need it most. If even that does not fit (five columns of code at 80 columns),
the table is drawn one row at a time, each row a small block of "column: value" lines: every
cell stays readable without scrolling sideways.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it.token import Token
from rich.cells import cell_len
from textual.content import Content, Span
from textual.geometry import Size
from textual.widget import Widget

from tutor.app.components.inline import CONTENT_STYLES, Piece, pieces

GAP = " │ "
RULE_STYLE = "$foreground 30%"
INDENT = 2  # a stacked row's "header  value" lines, under its title

Atom = tuple[Piece, ...]  # a run of text that is never broken across lines


@dataclass(frozen=True)
class TableModel:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_tokens(cls, tokens: list[Token]) -> TableModel:
        """The table between `table_open` and `table_close` (markdown-it tokens)."""
        header: list[str] = []
        rows: list[list[str]] = []
        row: list[str] | None = None
        in_head = False
        for token in tokens:
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close" and row is not None:
                if in_head:
                    header = row
                else:
                    rows.append(row)
                row = None
            elif token.type == "inline" and row is not None:
                row.append(token.content)
        width = max([len(header), *(len(r) for r in rows)], default=0)

        def pad(cells: list[str]) -> tuple[str, ...]:
            return (*cells, *[""] * (width - len(cells)))

        return cls(pad(header), tuple(pad(r) for r in rows))


def atoms(markdown: str) -> list[Atom]:
    """Break the cell's text where a line may break: at spaces outside code spans."""
    found: list[list[Piece]] = [[]]
    for piece in pieces(markdown):
        if "code" in piece.marks:
            found[-1].append(piece)
            continue
        parts = piece.text.split(" ")
        for index, part in enumerate(parts):
            if index:
                found.append([])
            if part:
                found[-1].append(Piece(part, piece.marks))
    return [tuple(atom) for atom in found if atom]


def atom_width(atom: Atom) -> int:
    return sum(cell_len(piece.text) for piece in atom)


def wrap(cell: list[Atom], width: int) -> list[list[Atom]]:
    """Greedy line filling; an atom wider than `width` gets a line of its own."""
    lines: list[list[Atom]] = [[]]
    used = 0
    for atom in cell:
        size = atom_width(atom)
        if lines[-1] and used + 1 + size > width:
            lines.append([])
            used = 0
        used += size + (1 if lines[-1] else 0)
        lines[-1].append(atom)
    return lines


@dataclass
class Layout:
    widths: list[int]
    content: Content
    height: int

    @property
    def width(self) -> int:
        return sum(self.widths) + cell_len(GAP) * max(len(self.widths) - 1, 0)


def column_widths(natural: list[int], least: list[int], available: int) -> list[int] | None:
    """Natural widths if they fit; else the least widths plus a fair share of the room left;
    None if not even the least widths fit."""
    gaps = cell_len(GAP) * max(len(natural) - 1, 0)
    room = available - gaps
    if sum(natural) <= room:
        return list(natural)
    if sum(least) > room:
        return None
    # Water filling: columns narrower than a fair share keep their natural width (short
    # columns never wrap); the wide ones share what is left.
    widths = [0] * len(natural)
    wide = set(range(len(natural)))
    left = room
    while wide:
        fair = left / len(wide)
        narrow = [c for c in wide if natural[c] <= fair]
        if not narrow:
            break
        for c in narrow:
            widths[c] = natural[c]
            left -= natural[c]
            wide.discard(c)
    # The wide columns get at least their least width, taken if need be from the narrow ones.
    short = sum(least[c] for c in wide) - left
    for c in sorted(set(range(len(natural))) - wide, key=lambda c: widths[c], reverse=True):
        if short <= 0:
            break
        give = min(widths[c] - least[c], short)
        widths[c] -= give
        left += give
        short -= give
    spare = left - sum(least[c] for c in wide)
    wants = {c: natural[c] - least[c] for c in wide}
    total_want = sum(wants.values()) or 1
    for c in wide:
        widths[c] = least[c] + spare * wants[c] // total_want
    extra = room - sum(widths)
    for c in sorted(wide, key=lambda c: wants[c], reverse=True):
        if extra <= 0:
            break
        if widths[c] < natural[c]:
            widths[c] += 1
            extra -= 1
    return widths


def _line_content(atoms_on_line: list[Atom], width: int, style: str) -> Content:
    text = ""
    spans: list[Span] = []
    for index, atom in enumerate(atoms_on_line):
        if index:
            text += " "
        for piece in atom:
            start = len(text)
            text += piece.text
            spans.extend(Span(start, len(text), CONTENT_STYLES[m]) for m in sorted(piece.marks))
    line = Content(text, spans)
    if style:
        line = line.stylize_before(style)
    return line.pad_right(max(width - line.cell_length, 0))


@lru_cache(maxsize=256)
def layout_table(table: TableModel, available: int) -> Layout:
    cells = [[atoms(cell) for cell in row] for row in [table.header, *table.rows]]
    columns = len(table.header)
    natural = [
        max(sum(atom_width(a) for a in row[c]) + max(len(row[c]) - 1, 0) for row in cells)
        for c in range(columns)
    ]
    least = [
        max((atom_width(a) for row in cells for a in row[c]), default=1) for c in range(columns)
    ]
    widths = column_widths(natural, [max(m, 1) for m in least], available)
    if widths is None:
        return _stacked(cells, available)
    gap = Content.styled(GAP, RULE_STYLE)
    lines: list[Content] = []
    wrapped_rows = [[wrap(cell, widths[c]) for c, cell in enumerate(row)] for row in cells]
    any_wrapped = any(len(cell) > 1 for row in wrapped_rows[1:] for cell in row)
    for index, row in enumerate(wrapped_rows):
        if index == 1 or (index > 1 and any_wrapped):
            line, cross = ("━", "━┿━") if index == 1 else ("─", "─┼─")
            lines.append(Content.styled(cross.join(line * w for w in widths), RULE_STYLE))
        style = "bold" if index == 0 else ""
        for line in range(max(len(cell) for cell in row)):
            parts = [
                _line_content(cell[line] if line < len(cell) else [], widths[c], style)
                for c, cell in enumerate(row)
            ]
            lines.append(gap.join(parts).rstrip())
    return Layout(widths, Content("\n").join(lines), len(lines))


def _stacked(cells: list[list[list[Atom]]], available: int) -> Layout:
    """Each row as a block: its first cell as a title, then one "header  value" line per cell."""
    header, *rows = cells
    names = [_line_content(cell, 0, "bold") for cell in header]
    key_width = min(max((n.cell_length for n in names[1:]), default=0), max(available // 3, 1))
    value_width = max(available - INDENT - key_width - 2, 1)
    lines: list[Content] = []
    for index, row in enumerate(rows):
        if index:
            lines.append(Content.styled("─" * available, RULE_STYLE))
        title = wrap(row[0], available)
        lines.extend(_line_content(line, 0, "bold $text-accent").rstrip() for line in title)
        for name, cell in zip(names[1:], row[1:]):
            if any(atom_width(atom) > value_width for atom in cell):
                # Too narrow for "name  value" side by side: the value goes under its name.
                lines.append(Content.assemble(" " * INDENT, name).rstrip())
                for line in wrap(cell, max(available - 2 * INDENT, 1)):
                    lines.append(Content.assemble(" " * (2 * INDENT), _line_content(line, 0, "")))
                continue
            for number, line in enumerate(wrap(cell, value_width) if cell else [[]]):
                key = name if number == 0 else Content("")
                key = key.pad_right(max(key_width - key.cell_length, 0))
                lines.append(
                    Content.assemble(" " * INDENT, key, "  ", _line_content(line, 0, "")).rstrip()
                )
    return Layout([available], Content("\n").join(lines), len(lines))


class MarkdownTable(Widget):
    """One table. Its width is the layout's: at most the container's, unless it cannot fit."""

    DEFAULT_CSS = """
    MarkdownTable {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, table: TableModel, **kwargs):
        super().__init__(**kwargs)
        self.table = table
        self._available = 0

    def layout_for(self, available: int) -> Layout:
        return layout_table(self.table, max(available, 1))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        self._available = container.width
        return self.layout_for(container.width).width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.layout_for(self._available or width).height

    def render(self) -> Content:
        return self.layout_for(self._available or self.size.width).content
