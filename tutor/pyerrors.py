"""Python's syntax errors in Turkish.

CPython explains a `SyntaxError`, `IndentationError` or `TabError` in English ("'(' was never
closed"). A learner reading Turkish everywhere else should read these in Turkish too, with
the same precision: which bracket, which line, what Python suggests. `turkish_syntax_message`
turns the message (the exception's `msg`) into a Turkish clause; anything it does not know
still comes out as a Turkish sentence that quotes Python's own words.

Covers the messages of Python 3.10 to 3.13. Pure: no imports beyond the standard library.
"""

from __future__ import annotations

import re

from tutor import messages as M

_T = M.PY_SYNTAX

# Python's suggestions, added after the message itself: ". Maybe you meant '==' ...?"
_SUGGESTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Maybe you meant '==' or ':=' instead of '='\?"), "maybe_equals_or_walrus"),
    (re.compile(r"Maybe you meant '==' instead of '='\?"), "maybe_equals"),
    (re.compile(r"[Pp]erhaps you meant \"==\"\?"), "maybe_equals"),
    (re.compile(r"Perhaps you forgot a comma\?"), "forgot_comma"),
    (re.compile(r"Did you mean to use 'from \.\.\. import \.\.\.' instead\?"), "from_import"),
    (re.compile(r"Did you mean (?P<what>.+?)\?"), "did_you_mean"),
)
_SUGGESTION_SPLIT = re.compile(
    r"^(?P<base>.*?)(?:\.|,)\s+(?P<hint>(?:Maybe|Perhaps|perhaps|Did) .*\?)$", re.DOTALL
)
# "(<unknown>, line 3)": added by str(exc), not part of the message itself.
_WHERE_SUFFIX = re.compile(r"\s*\([^()]*, line \d+\)$")
_DETECTED = re.compile(r"^(?P<base>.*?)\s*\(detected at line (?P<line>\d+)\)$")


def _block_owner(what: str) -> str:
    if what in M.PY_SYNTAX_BLOCK_OWNERS:
        return M.PY_SYNTAX_BLOCK_OWNERS[what]
    statement = re.fullmatch(r"'(?P<word>\w+)' statement", what)
    if statement:
        return M.PY_SYNTAX_STATEMENT.format(word=statement["word"])
    return M.PY_SYNTAX_STATEMENT.format(word=what)


def _assign_target(what: str) -> str:
    return M.PY_SYNTAX_TARGETS.get(what, M.PY_SYNTAX_TARGET_OTHER)


def _delete_target(what: str) -> str:
    return M.PY_SYNTAX_DELETE_TARGETS.get(what, M.PY_SYNTAX_DELETE_OTHER)


# (pattern matched against the whole message, key in M.PY_SYNTAX, how to fill it in)
_RULES: tuple[tuple[re.Pattern[str], str, object], ...] = tuple(
    (re.compile(pattern), key, fill)
    for pattern, key, fill in (
        (r"'(?P<bracket>.)' was never closed", "never_closed", None),
        (r"unmatched '(?P<bracket>.)'", "unmatched", None),
        (
            r"closing parenthesis '(?P<close>.)' does not match opening parenthesis "
            r"'(?P<open>.)' on line (?P<line>\d+)",
            "mismatch_line",
            None,
        ),
        (
            r"closing parenthesis '(?P<close>.)' does not match opening parenthesis '(?P<open>.)'",
            "mismatch",
            None,
        ),
        (r"invalid syntax", "invalid_syntax", None),
        (r"expected ':'", "expected_colon", None),
        (r"':' expected after dictionary key", "dict_colon", None),
        (r"expected 'except' or 'finally' block", "expected_except", None),
        (r"expected 'else' after 'if' expression", "expected_else", None),
        (r"expected (?:default|argument) value expression", "expected_value", None),
        (r"expected '(?P<token>[^']+)'", "expected_token", None),
        (r"unexpected indent", "unexpected_indent", None),
        (r"unindent does not match any outer indentation level", "unindent_mismatch", None),
        (r"unexpected unindent", "unexpected_unindent", None),
        (r"inconsistent use of tabs and spaces in indentation", "tabs", None),
        (r"too many levels of indentation", "too_deep", None),
        (
            r"expected an indented block after (?P<what>.+) on line (?P<line>\d+)",
            "expected_block_after",
            lambda g: {"line": g["line"], "what": _block_owner(g["what"])},
        ),
        (r"expected an indented block", "expected_block", None),
        (r"unterminated triple-quoted string literal", "unterminated_triple", None),
        (r"EOF while scanning triple-quoted string literal", "unterminated_triple", None),
        (r"unterminated f-string literal", "unterminated_fstring", None),
        (r"unterminated string literal", "unterminated_string", None),
        (r"EOL while scanning string literal", "unterminated_string", None),
        (r"unexpected EOF while parsing", "unexpected_eof", None),
        (
            r"cannot assign to (?P<what>.+?)(?: here)?",
            "cannot_assign",
            lambda g: {"what": _assign_target(g["what"])},
        ),
        (
            r"cannot delete (?P<what>.+?)(?: here)?",
            "cannot_delete",
            lambda g: {"what": _delete_target(g["what"])},
        ),
        (r"'await' outside async function", "outside_async", None),
        (r"'(?P<word>return|yield|await)' outside function", "outside_function", None),
        (r"'(?P<word>return)' with value in async generator", "invalid_syntax", None),
        (r"'(?P<word>break)' outside loop", "outside_loop", None),
        (r"'(?P<word>continue)' not properly in loop", "outside_loop", None),
        (
            r"invalid character '(?P<char>.+?)' \((?P<code>U\+[0-9A-F]+)\)",
            "invalid_character",
            None,
        ),
        (r"invalid non-printable character (?P<code>U\+[0-9A-F]+)", "nonprintable", None),
        (r"invalid decimal literal", "invalid_decimal", None),
        (r"invalid (?:hexadecimal|octal|binary|imaginary) literal", "invalid_number", None),
        (r"invalid digit '.' in (?:octal|binary) literal", "invalid_number", None),
        (r"leading zeros in decimal integer literals are not permitted.*", "leading_zeros", None),
        (
            r"positional argument follows keyword argument(?: unpacking)?",
            "positional_after_keyword",
            None,
        ),
        (r"non-default argument follows default argument", "nondefault_after_default", None),
        (
            r"parameter without a default follows parameter with a default",
            "nondefault_after_default",
            None,
        ),
        (r"duplicate argument '(?P<name>\w+)' in function definition", "duplicate_argument", None),
        (r"keyword argument repeated: (?P<name>\w+)", "keyword_repeated", None),
        (r"Missing parentheses in call to 'print'.*", "print_parens", None),
        (r"unexpected character after line continuation character", "continuation", None),
        (r"f-string: expecting '(?P<token>[^']+)'", "fstring_expecting", None),
        (r"f-string: single '\}' is not allowed", "fstring_single_brace", None),
        (r"f-string: .*", "fstring_other", None),
        (r"expression cannot contain assignment", "assignment_in_expression", None),
        (r"can't use starred expression here", "starred", None),
        (r"cannot use starred expression here", "starred", None),
        (r"Generator expression must be parenthesized", "generator_parens", None),
        (r"multiple exception types must be parenthesized", "except_parens", None),
        (r"cannot use assignment expressions with .+", "walrus_target", None),
        (r"'.+' is an illegal expression for augmented assignment", "augmented_target", None),
        (r"trailing comma not allowed without surrounding parentheses", "trailing_comma", None),
        (r"named arguments must follow bare \*", "bare_star", None),
        (r"nonlocal declaration not allowed at module level", "nonlocal_module", None),
        (r"too many nested parentheses", "too_many_parens", None),
    )
)


def _suggestion(text: str) -> str | None:
    for pattern, key in _SUGGESTIONS:
        match = pattern.fullmatch(text)
        if match:
            return _T[key].format(**match.groupdict())
    return None


# Clauses that already say what Python's suggestion would add.
_SAYS_ITS_HINT = {"print_parens"}


def _translate(base: str) -> tuple[str, str] | None:
    """(key, Turkish clause) for a message without Python's suggestion, or None."""
    for pattern, key, fill in _RULES:
        match = pattern.fullmatch(base)
        if match:
            groups = match.groupdict()
            values = fill(groups) if callable(fill) else groups
            return key, _T[key].format(**values)
    return None


def turkish_syntax_message(msg: str) -> str:
    """CPython's SyntaxError / IndentationError / TabError message, as a Turkish clause.

    The clause starts in lower case (unless it starts with code) and has no final period, so
    that it reads both alone and after "Python sözdizimi hatası: ".
    """
    text = _WHERE_SUFFIX.sub("", " ".join(msg.split()))
    if not text:
        return _T["invalid_syntax"]
    detected_at = ""
    detected = _DETECTED.fullmatch(text)
    if detected:
        text = detected["base"]
        detected_at = _T["detected_at"].format(line=detected["line"])

    alone = _suggestion(text)  # "Did you mean to use 'from ... import ...' instead?"
    if alone is not None:
        return alone
    hint = None
    split = _SUGGESTION_SPLIT.fullmatch(text)
    if split:
        hint = _suggestion(split["hint"])
        if hint is not None:
            text = split["base"]

    found = _translate(text)
    if found is None:
        return _T["fallback"].format(msg=msg.strip())
    key, turkish = found
    turkish += detected_at
    if hint is not None and key not in _SAYS_ITS_HINT:
        turkish += "; " + hint
    return turkish
