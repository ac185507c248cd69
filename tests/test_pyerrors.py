"""Python's syntax errors reach learners in Turkish, as precise as Python's own words."""

from __future__ import annotations

import pytest

from tutor import messages as M
from tutor.pyerrors import turkish_syntax_message

FALLBACK_START = M.PY_SYNTAX["fallback"].split("{")[0]

# Messages of CPython 3.10–3.13, exactly as those versions write them.
KNOWN = {
    "'(' was never closed": "'(' açılmış ama hiç kapatılmamış",
    "unmatched ')'": "fazladan bir ')' var: bununla eşleşen bir açılış yok",
    "closing parenthesis ']' does not match opening parenthesis '(' on line 3": (
        "kapanış ']', 3. satırdaki açılış '(' ile eşleşmiyor"
    ),
    "invalid syntax": "geçersiz sözdizimi: Python bu satırı anlayamadı",
    "invalid syntax. Perhaps you forgot a comma?": (
        "geçersiz sözdizimi: Python bu satırı anlayamadı; bir virgül mü unuttunuz?"
    ),
    "expected ':'": M.PY_SYNTAX["expected_colon"],
    "unexpected indent": M.PY_SYNTAX["unexpected_indent"],
    "unindent does not match any outer indentation level": M.PY_SYNTAX["unindent_mismatch"],
    "inconsistent use of tabs and spaces in indentation": M.PY_SYNTAX["tabs"],
    "unterminated string literal (detected at line 7)": (
        M.PY_SYNTAX["unterminated_string"] + " (7. satırda fark edildi)"
    ),
    "expected an indented block after function definition on line 4": (
        "4. satırdaki fonksiyon tanımından sonra girintili bir blok bekleniyordu"
    ),
    "expected an indented block after 'for' statement on line 2": (
        "2. satırdaki 'for' deyiminden sonra girintili bir blok bekleniyordu"
    ),
    "cannot assign to function call here. Maybe you meant '==' instead of '='?": (
        "fonksiyon çağrısına atama yapılamaz; '=' yerine '==' mi demek istediniz?"
    ),
    "cannot assign to function call": "fonksiyon çağrısına atama yapılamaz",
    "cannot assign to True": "True'ya atama yapılamaz",
    "Missing parentheses in call to 'print'. Did you mean print(...)?": (
        M.PY_SYNTAX["print_parens"]
    ),
    "invalid character '–' (U+2013)": M.PY_SYNTAX["invalid_character"].format(
        char="–", code="U+2013"
    ),
    "f-string: single '}' is not allowed": (
        "f-string içinde tek başına '}' kullanılamaz; metinde '}' göstermek için '}}' yazın"
    ),
    "'return' outside function": "'return' bir fonksiyonun dışında kullanılmış",
    "non-default argument follows default argument": M.PY_SYNTAX["nondefault_after_default"],
    "parameter without a default follows parameter with a default": (
        M.PY_SYNTAX["nondefault_after_default"]
    ),
}


@pytest.mark.parametrize("english", sorted(KNOWN))
def test_common_messages_read_as_natural_turkish(english):
    assert turkish_syntax_message(english) == KNOWN[english]


# Code with one mistake each; whatever Python this runs on, its message must be understood.
BROKEN = {
    "never_closed": "x = (1, 2\ny = 3\n",
    "unmatched": "x = 1)\n",
    "mismatch": "x = (1,\n 2]\n",
    "invalid": "x = = 2\n",
    "comma": "f(a b)\n",
    "colon": "def f(x)\n    return x\n",
    "indent": "x = 1\n    y = 2\n",
    "unindent": "def f():\n        x = 1\n    y = 2\n",
    "tabs": "def f():\n\tif 1:\n        pass\n\treturn 1\n",
    "block": "def f():\nreturn 1\n",
    "string": "x = 'abc\n",
    "triple": 'x = """abc\n\n',
    "assign_call": "f() = 1\n",
    "maybe_eq": "if x = 1:\n    pass\n",
    "outside": "return 1\n",
    "character": "x = 1 \u2013 2\n",
    "decimal": "x = 1abc\n",
    "zeros": "x = 012\n",
    "keyword": "f(a=1, 2)\n",
    "default": "def f(a=1, b):\n    pass\n",
    "print": "print 'x'\n",
    "try": "try:\n    pass\nx = 1\n",
    "fstring": "x = f'{a'\n",
    "kw_expr": "f(a.b=1)\n",
    "else": "x = 1 if y\n",
    "dict": "{1: 2, 3}\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_this_pythons_own_messages_are_all_translated(name):
    with pytest.raises(SyntaxError) as caught:
        compile(BROKEN[name], "<öğrenci>", "exec")
    turkish = turkish_syntax_message(caught.value.msg)
    assert not turkish.startswith(FALLBACK_START), caught.value.msg
    for english in ("was never", "expected", "invalid", "cannot", "indent", "Perhaps", "Maybe"):
        assert english not in turkish, (caught.value.msg, turkish)


def test_the_file_and_line_that_str_adds_are_not_repeated():
    assert turkish_syntax_message("invalid syntax (<unknown>, line 3)") == KNOWN["invalid syntax"]


def test_an_unknown_message_still_reads_as_turkish_and_keeps_pythons_words():
    turkish = turkish_syntax_message("some brand new complaint")
    assert turkish.startswith(FALLBACK_START)
    assert "some brand new complaint" in turkish


def test_clauses_start_in_lower_case_and_have_no_final_period():
    for english in KNOWN:
        turkish = turkish_syntax_message(english)
        assert not turkish.endswith(".")
        first = turkish.split()[0]
        assert first[0].islower() or first[0] in "'0123456789" or first.startswith("True"), turkish
