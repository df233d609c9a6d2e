"""Atomic saving: a failure part-way leaves the previous file intact and no temporary file behind."""

import errno
import os
import time

import pytest

from ombudscompare.formats.atomic import write_atomic, write_bytes_atomic
from ombudscompare.formats.errors import FileError
from ombudscompare.formats.project_file import dumps, load_project, save_project


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "p.json"
    write_bytes_atomic(target, b"one")
    write_bytes_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["p.json"]


def test_disk_full_half_way_keeps_the_old_file(tmp_path, haarlem):
    target = tmp_path / "haarlem.json"
    save_project(haarlem, target)
    before = target.read_bytes()

    def half_then_full(handle):
        handle.write(b'{"format": "ombudscompare-project", "ver')
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FileError) as caught:
        write_atomic(target, half_then_full)
    assert caught.value.render("en") == f"{target}: cannot be saved: the disk is full"
    assert caught.value.render("nl").endswith("kan niet worden opgeslagen: de schijf is vol")
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["haarlem.json"]
    assert load_project(target) == haarlem


def test_an_interrupted_save_leaves_no_partial_file(tmp_path):
    target = tmp_path / "p.json"
    target.write_bytes(b"old")

    def interrupted(handle):
        handle.write(b"ne")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, interrupted)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["p.json"]


def test_missing_folder_is_a_clear_error(tmp_path, haarlem):
    with pytest.raises(FileError, match="cannot be saved: the folder does not exist"):
        save_project(haarlem, tmp_path / "no" / "such" / "folder" / "p.json")


def test_folder_in_the_way_is_a_clear_error(tmp_path, haarlem):
    (tmp_path / "p.json").mkdir()
    with pytest.raises(FileError, match="a folder with that name is in the way"):
        save_project(haarlem, tmp_path / "p.json")


def test_a_file_where_the_folder_should_be(tmp_path, haarlem):
    (tmp_path / "plain").write_text("x")
    with pytest.raises(FileError, match="cannot be saved"):
        save_project(haarlem, tmp_path / "plain" / "p.json")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder_keeps_the_old_file(tmp_path, haarlem):
    target = tmp_path / "p.json"
    save_project(haarlem, target)
    os.chmod(tmp_path, 0o500)
    try:
        with pytest.raises(FileError, match="no permission to write there"):
            save_project(haarlem, target)
    finally:
        os.chmod(tmp_path, 0o700)
    assert target.read_text(encoding="utf-8") == dumps(haarlem)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permissions_of_the_replaced_file_are_kept(tmp_path):
    target = tmp_path / "p.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_bytes_atomic(target, b"new")
    assert (os.stat(target).st_mode & 0o777) == 0o640


def test_saving_over_a_link_updates_the_file_it_points_to(tmp_path):
    real = tmp_path / "shared" / "memo.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "memo.json"
    link.symlink_to(real)
    write_bytes_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.json", "shared"]


def test_a_read_only_file_is_not_overwritten(tmp_path):
    path = tmp_path / "memo.json"
    path.write_bytes(b"kept")
    path.chmod(0o444)
    with pytest.raises(FileError, match="cannot be saved: the file is read-only"):
        write_bytes_atomic(path, b"lost?")
    assert path.read_bytes() == b"kept"


def test_permissions_and_owner_are_kept(tmp_path):
    path = tmp_path / "memo.json"
    path.write_bytes(b"old")
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 4321, 4321)
    write_bytes_atomic(path, b"new")
    status = path.stat()
    assert status.st_mode & 0o777 == 0o640
    if os.geteuid() == 0:
        assert (status.st_uid, status.st_gid) == (4321, 4321)


def test_temporary_files_of_killed_saves_are_cleaned_up(tmp_path):
    path = tmp_path / "memo.json"
    stale, fresh = tmp_path / ".memo.json.k3j4h5g6.tmp", tmp_path / ".memo.json.a1b2c3d4.tmp"
    other = tmp_path / ".other.json.k3j4h5g6.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_bytes_atomic(path, b"new")
    assert not stale.exists(), "a killed save's leftover over an hour old goes"
    assert fresh.exists(), "one that may belong to a save in progress stays"
    assert other.exists(), "another file's leftovers are not ours to judge here"


KILLED_SAVE = """
import sys, time
from ombudscompare.formats.atomic import write_atomic

def slow(handle):
    handle.write(b"half a file " * 100_000)
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)

write_atomic(sys.argv[1], slow)
"""


def _killed_save(target) -> None:
    """A real save killed half-way (as a crash or a power cut would): it leaves its temporary behind."""
    import subprocess
    import sys

    with subprocess.Popen([sys.executable, "-c", KILLED_SAVE, str(target)], stdout=subprocess.PIPE,
                          text=True) as child:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
        child.kill()


def test_the_temporaries_of_killed_saves_go_at_the_next_save(tmp_path):
    """Issue 20.13: every killed save left its temporary until a save more than an hour later (40 files, 15 MB
    after 450 kills). A temporary names its writer (computer and process); one whose process no longer runs on this
    computer is removed at the next save in the folder, whichever file it was for."""
    target = tmp_path / "memo.json"
    target.write_bytes(b"old")
    for _ in range(3):
        _killed_save(target)
    _killed_save(tmp_path / "other.xlsx")
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir()), "a killed save leaves its temporary"
    write_bytes_atomic(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.json"] and target.read_bytes() == b"new"


def test_a_temporary_whose_writer_may_still_be_writing_stays(tmp_path):
    """A process that still runs here, or one on another computer sharing the folder, may be saving right now:
    its temporary stays for an hour (then it goes, as before)."""
    import socket

    from ombudscompare.formats import atomic

    target = tmp_path / "memo.json"
    running = tmp_path / f".memo.json.{atomic.HOST}-{os.getppid()}.a1b2c3d4.tmp"
    elsewhere = tmp_path / f".memo.json.{'x' if socket.gethostname() != 'x' else 'y'}-1.a1b2c3d4.tmp"
    old_elsewhere = tmp_path / ".memo.json.other-2.k3j4h5g6.tmp"
    for leftover in (running, elsewhere, old_elsewhere):
        leftover.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(old_elsewhere, (old, old))
    write_bytes_atomic(target, b"new")
    assert running.exists() and elsewhere.exists() and not old_elsewhere.exists()


def test_whether_a_process_runs(tmp_path):
    import subprocess
    import sys

    from ombudscompare.formats.atomic import running

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert running(os.getpid()) and not running(child.pid)


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links")
def test_a_hard_linked_file_is_not_split_from_its_other_names(tmp_path):
    """Issue 20.13: saving replaced the file, so its other names silently kept the old content. Writing in place
    would reach every name but could damage them all if interrupted; refusing keeps every name as it was."""
    target, other = tmp_path / "memo.json", tmp_path / "copy-for-the-council.json"
    target.write_bytes(b"old")
    os.link(target, other)
    with pytest.raises(FileError) as caught:
        write_bytes_atomic(target, b"new")
    assert caught.value.render("en") == (
        f"{target}: cannot be saved: the file has 2 names (hard links); saving would give only this name the new"
        " content. Save under another name, or make it a file of its own first")
    assert "2 namen" in caught.value.render("nl")
    assert target.read_bytes() == other.read_bytes() == b"old" and os.stat(target).st_nlink == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy-for-the-council.json", "memo.json"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_never_replaced_by_a_file(tmp_path, capsys):
    """Issue 20.13: with --force a FIFO became a regular file. Anything that is not a file is refused in words, with
    or without --force."""
    import stat

    from ombudscompare.cli.main import main

    pipe = tmp_path / "memo.json"
    os.mkfifo(pipe)
    with pytest.raises(FileError, match="cannot be saved: this name belongs to a named pipe"):
        write_bytes_atomic(pipe, b"new")
    code = main(["example", "-o", str(pipe), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "a named pipe (FIFO), not a file" in err
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["memo.json"]
