"""Lesson text in the app's widgets: inline Markdown, code that never wraps, tables that fit,
shuffled quiz choices and an honest clipboard. Plain functions, no running app."""

from __future__ import annotations

import collections
import sys

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len

from tutor.app import clipboard
from tutor.app.components.inline import inline_content, inline_text, plain
from tutor.app.components.markdown import split_blocks
from tutor.app.components.table import TableModel, atoms, layout_table
from tutor.app.screens.quiz import attempt_seed, choice_order

# --- inline Markdown ----------------------------------------------------------------------------


def test_inline_markdown_draws_code_bold_and_italic_without_their_marks():
    content = inline_content("Doğru cevap: `torch.int64`, **yerinde** ve _ayrı_ [bağ](http://x)")
    assert content.plain == "Doğru cevap: torch.int64, yerinde ve ayrı bağ"
    styles = {content.plain[s.start : s.end]: str(s.style) for s in content.spans}
    assert "bold" in styles["torch.int64"] and "$text-accent" in styles["torch.int64"]
    assert styles["yerinde"] == "bold" and styles["ayrı"] == "italic"
    text = inline_text("`x` ve **y**")
    assert text.plain == "x ve y" and {str(s.style) for s in text.spans} == {
        "markdown.code",
        "markdown.strong",
    }


def test_square_brackets_in_lesson_text_are_text_not_markup():
    assert inline_content("[0, 1) aralığında `x[1, 2]` [b]kalın değil[/b]").plain == (
        "[0, 1) aralığında x[1, 2] [b]kalın değil[/b]"
    )
    assert plain("`a`'nın ve `b`'nin") == "a'nın ve b'nin"


# --- lesson Markdown in pieces --------------------------------------------------------------------

LESSON = """Giriş paragrafı, `kod` ile.

| a | b |
| --- | --- |
| `x y` | 2 |

    (4, 3) + (3,)  →  (4, 3)

- bir liste
  ```python
  iç_içe = 1
  ```

```python
print("uzun")
```
Son paragraf."""


def test_lesson_markdown_splits_into_prose_code_and_tables_in_order():
    blocks = split_blocks(LESSON)
    assert [b.kind for b in blocks] == ["prose", "table", "code", "prose", "code", "prose"]
    assert blocks[1].table == TableModel(("a", "b"), (("`x y`", "2"),))
    assert blocks[2].text == "(4, 3) + (3,)  →  (4, 3)" and blocks[2].language == ""
    assert "iç_içe" in blocks[3].text  # code inside a list stays with its list
    assert blocks[4].text == 'print("uzun")' and blocks[4].language == "python"


# --- tables ----------------------------------------------------------------------------------------

WIDE = """| katman | PyTorch | girdi | parametreler |
| --- | --- | --- | --- |
| tam bağlı | `nn.Linear(in, out)` | `(*, in)` | `weight (out, in)`, `bias (out,)` |
| evrişim | `nn.Conv2d(c, k, 3)` | `(N, C, H, W)` | `weight (C_out, C_in, kH, kW)`, `bias` |
| yinelemeli | `nn.LSTM(in, h)` | `(T, N, in)` | `weight_ih_l0`, `weight_hh_l0` |
"""


def table_of(markdown: str) -> TableModel:
    tokens = MarkdownIt().enable("table").parse(markdown)
    return TableModel.from_tokens(tokens)


@pytest.mark.parametrize("width", [40, 60, 75, 80, 84, 100, 120, 200])
def test_a_table_fits_its_width_and_never_breaks_a_code_span(width):
    table = table_of(WIDE)
    layout = layout_table(table, width)
    lines = layout.content.plain.split("\n")
    assert max(cell_len(line) for line in lines) <= width
    text = "\n".join(lines)
    for row in table.rows:
        for cell in row:
            for atom in atoms(cell):
                piece = "".join(p.text for p in atom)
                assert piece in text, (width, piece)  # on one line, whole


def test_a_table_keeps_its_natural_widths_wraps_prose_or_stacks_its_rows():
    table = table_of(WIDE)
    natural = layout_table(table, 200)
    assert natural.content.plain.count("\n") == 4  # header, rule, three rows
    assert layout_table(table, 84).height == natural.height  # 83 cells: fits as it is
    squeezed = layout_table(table, 80)
    assert "│" in squeezed.content.plain and squeezed.height > natural.height
    stacked = layout_table(table, 75).content.plain
    assert "│" not in stacked
    assert "yinelemeli\n  PyTorch       nn.LSTM(in, h)\n" in stacked


# --- quiz choices --------------------------------------------------------------------------------


def test_choices_are_shuffled_per_attempt_and_the_same_attempt_shows_the_same_order():
    assert choice_order(11, 3, 4) == choice_order(11, 3, 4)
    orders = {tuple(choice_order(seed, 0, 4)) for seed in range(40)}
    assert len(orders) > 10
    assert sorted(choice_order(5, 1, 4)) == [0, 1, 2, 3]
    seeds = {attempt_seed(1234, "tensorler", "quiz", n) for n in range(5)}
    assert len(seeds) == 5 and attempt_seed(1234, "tensorler", "quiz", 2) in seeds


def test_the_right_answer_lands_on_every_position_about_equally_often():
    positions = collections.Counter(choice_order(seed, 0, 4).index(1) for seed in range(4000))
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) / 4000 < 0.28


# --- clipboard --------------------------------------------------------------------------------------


def test_copying_claims_success_only_when_the_system_tool_said_so(tmp_path, monkeypatch):
    target = tmp_path / "pano.txt"
    writer = [
        sys.executable,
        "-c",
        f"import sys; open({str(target)!r}, 'w').write(sys.stdin.read())",
    ]
    monkeypatch.setattr(clipboard, "system_tool", lambda: writer)
    assert clipboard.copy("x = 1\n") == sys.executable
    assert target.read_text() == "x = 1\n"
    monkeypatch.setattr(clipboard, "system_tool", lambda: [sys.executable, "-c", "exit(1)"])
    assert clipboard.copy("x") is None
    monkeypatch.setattr(clipboard, "system_tool", lambda: None)
    assert clipboard.copy("x") is None
    monkeypatch.setattr(clipboard, "system_tool", lambda: [str(tmp_path / "yok")])
    assert clipboard.copy("x") is None
