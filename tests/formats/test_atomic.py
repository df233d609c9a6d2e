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
