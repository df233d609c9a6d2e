"""The app's icon files, made from the SVG by packaging/make_icons.py, hold what Windows and macOS read."""

import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG)
    return struct.unpack(">II", data[16:24])


def test_windows_icon_holds_every_size_up_to_256():
    data = (ICONS / "ombudscompare.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height, _colours, _zero, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        image = data[offset:offset + length]
        assert _png_size(image) == ((width or 256), (height or 256))
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icon_family_is_well_formed():
    data = (ICONS / "ombudscompare.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    at, kinds = 8, {}
    while at < len(data):
        kind, length = data[at:at + 4], struct.unpack(">I", data[at + 4:at + 8])[0]
        kinds[kind] = _png_size(data[at + 8:at + length])[0]
        at += length
    assert at == len(data)
    assert kinds[b"ic10"] == 1024 and kinds[b"ic07"] == 128 and kinds[b"icp4"] == 16


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_the_running_app_ships_its_window_icon(size):
    from ombudscompare.resources import read_bytes

    assert _png_size(read_bytes(f"icons/ombudscompare-{size}.png")) == (size, size)


def test_desktop_entry_and_metainfo_name_the_same_app():
    desktop = (ROOT / "resources" / "linux" / "nl.ombudscompare.OmbudsCompare.desktop").read_text(encoding="utf-8")
    metainfo = (ROOT / "resources" / "linux" / "nl.ombudscompare.OmbudsCompare.metainfo.xml").read_text(
        encoding="utf-8")
    assert "Icon=nl.ombudscompare.OmbudsCompare" in desktop and "Exec=OmbudsCompare %f" in desktop
    assert "<id>nl.ombudscompare.OmbudsCompare</id>" in metainfo
    assert "nl.ombudscompare.OmbudsCompare.desktop" in metainfo


@pytest.mark.parametrize(("tool", "arguments", "name"), [
    ("desktop-file-validate", [], "nl.ombudscompare.OmbudsCompare.desktop"),
    ("appstreamcli", ["validate", "--no-net"], "nl.ombudscompare.OmbudsCompare.metainfo.xml"),
])
def test_linux_entries_pass_their_validators(tool, arguments, name):
    import shutil
    import subprocess

    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed here")
    done = subprocess.run([tool, *arguments, str(ROOT / "resources" / "linux" / name)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
