"""A learner's file left under an old lesson folder follows its exercise to the new lesson.

Lesson 3 was split: `lstm_cell` and `attention` moved from `moduller` to `yinelemeli-dikkat`.
Workspaces keep `<lesson id>/<exercise id>.py`, so without this the learner's work would stay
behind and a fresh starter would take its place.
"""

from __future__ import annotations

import errno
import os

import pytest
from conftest import ROOT

from tutor.pack.loader import load_pack
from tutor.session import Session
from tutor.workspace import Workspace, find_exercise_file

PACK = load_pack(ROOT)
WORK = b"# my own LSTM cell, half done\n"


def _workspace(tmp_path):
    return Workspace(tmp_path, PACK)


def _old_file(root, exercise_id="lstm_cell", lesson_id="moduller", data=WORK):
    path = root / lesson_id / f"{exercise_id}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_the_split_moved_the_recurrent_exercises_to_their_own_lesson():
    assert PACK.exercise("lstm_cell")[0].id == "yinelemeli-dikkat"
    assert PACK.exercise("attention")[0].id == "yinelemeli-dikkat"


def test_ensure_moves_a_file_left_under_the_old_lesson_folder(tmp_path):
    old = _old_file(tmp_path)
    (tmp_path / "moduller" / "linear.py").write_text("# stays\n")
    lesson, exercise = PACK.exercise("lstm_cell")

    path = _workspace(tmp_path).ensure(lesson, exercise)

    assert path == tmp_path / "yinelemeli-dikkat" / "lstm_cell.py"
    assert path.read_bytes() == WORK
    assert not old.exists()
    assert (tmp_path / "moduller" / "linear.py").exists()


def test_the_old_folder_goes_when_its_last_file_has_moved(tmp_path):
    _old_file(tmp_path, "attention")
    lesson, exercise = PACK.exercise("attention")
    _workspace(tmp_path).ensure(lesson, exercise)
    assert not (tmp_path / "moduller").exists()


def test_a_file_already_in_the_new_place_is_never_replaced(tmp_path):
    old = _old_file(tmp_path)
    new = tmp_path / "yinelemeli-dikkat" / "lstm_cell.py"
    new.parent.mkdir()
    new.write_bytes(b"# written after the split\n")
    lesson, exercise = PACK.exercise("lstm_cell")

    path = _workspace(tmp_path).ensure(lesson, exercise)

    assert path.read_bytes() == b"# written after the split\n"
    assert old.read_bytes() == WORK


def test_with_no_file_anywhere_the_starter_is_copied(tmp_path):
    lesson, exercise = PACK.exercise("lstm_cell")
    path = _workspace(tmp_path).ensure(lesson, exercise)
    assert path.read_bytes() == PACK.path(exercise.starter).read_bytes()


def test_the_newest_of_several_left_behind_files_wins_and_the_others_stay(tmp_path):
    older = _old_file(tmp_path, lesson_id="eski-ders", data=b"# older\n")
    newer = _old_file(tmp_path, lesson_id="moduller", data=b"# newer\n")
    os.utime(older, (1_000_000, 1_000_000))
    lesson, exercise = PACK.exercise("lstm_cell")

    path = _workspace(tmp_path).ensure(lesson, exercise)

    assert path.read_bytes() == b"# newer\n"
    assert not newer.exists() and older.read_bytes() == b"# older\n"


def test_backups_and_symbolic_links_are_not_taken_for_a_left_behind_file(tmp_path):
    _old_file(tmp_path, lesson_id=".yedekler")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "lstm_cell.py").write_bytes(WORK)
    (tmp_path / "baglanti").symlink_to(outside, target_is_directory=True)
    lesson, exercise = PACK.exercise("lstm_cell")

    path = _workspace(tmp_path).ensure(lesson, exercise)

    assert path.read_bytes() == PACK.path(exercise.starter).read_bytes()
    assert (outside / "lstm_cell.py").exists()


def test_without_hard_links_the_file_is_still_moved_whole(tmp_path, monkeypatch):
    def no_links(*_args, **_kwargs):
        raise OSError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    old = _old_file(tmp_path)
    lesson, exercise = PACK.exercise("lstm_cell")

    path = _workspace(tmp_path).ensure(lesson, exercise)

    assert path.read_bytes() == WORK and not old.exists()
    assert [p.name for p in path.parent.iterdir()] == ["lstm_cell.py"]  # no temporary left


def test_reset_backs_up_the_learners_file_from_the_old_folder(tmp_path):
    _old_file(tmp_path)
    lesson, exercise = PACK.exercise("lstm_cell")

    path, backup = _workspace(tmp_path).reset(lesson, exercise)

    assert backup is not None and backup.read_bytes() == WORK
    assert path.read_bytes() == PACK.path(exercise.starter).read_bytes()
    assert not (tmp_path / "moduller" / "lstm_cell.py").exists()


def test_the_session_hands_out_the_moved_file(tmp_path):
    _old_file(tmp_path, "attention")
    session = Session(ROOT, tmp_path)
    try:
        path = session.learner_file("attention")
    finally:
        session.close()
    assert path == tmp_path / "yinelemeli-dikkat" / "attention.py"
    assert path.read_bytes() == WORK


@pytest.mark.parametrize("exercise_id", ["lstm_cell", "attention"])
def test_class_grading_finds_an_old_layout_without_moving_it(tmp_path, exercise_id):
    old = _old_file(tmp_path, exercise_id)
    lesson, exercise = PACK.exercise(exercise_id)
    assert find_exercise_file(tmp_path, lesson, exercise) == old
    assert old.exists()
    new = tmp_path / lesson.id / f"{exercise_id}.py"
    new.parent.mkdir()
    new.write_bytes(b"# new layout\n")
    assert find_exercise_file(tmp_path, lesson, exercise) == new
