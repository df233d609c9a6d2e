"""The per-user MSI: a WiX source for the bundle folder, built with wixl (Debian's msitools).

No administrator rights: InstallScope="perUser" (no ALLUSERS), the files in
%LOCALAPPDATA%\\Programs\\OmbudsCompare, the Start-menu shortcut, the `.ombuds` file type and the
uninstall entry under HKCU. A newer MSI replaces an older one in place (MajorUpgrade, removing the old
product before installing the new one). Every GUID is derived from the product, version and file list,
so the same bundle gives the same MSI tables.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

PRODUCT = "OmbudsCompare"
MANUFACTURER = "OmbudsCompare"
# Fixed for the life of the product: Windows Installer finds older versions to upgrade by it.
UPGRADE_CODE = "6F0B6A2E-51C4-4C0B-9D43-0B7C2D9E1A01"
NAMESPACE = uuid.UUID(UPGRADE_CODE)
PROG_ID = "OmbudsCompare.Project"
EXTENSION = ".ombuds"
OPENS = (".ombuds", ".json", ".xlsx")  # what "Open with" offers the program for
REGISTRY_HOME = r"Software\OmbudsCompare\Installer"
MAIN_EXE = "OmbudsCompare.exe"


@dataclass
class Options:
    version: str
    description: str = "Compare the options for a municipality's external complaint body"
    extra_files: dict[str, Path] = field(default_factory=dict)  # name in the install folder → source (tests)


def msi_version(version: str) -> str:
    """Windows Installer's ProductVersion: major.minor.build, each a number (0.1.0rc1 → 0.1.0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:3]]
    numbers += [0] * (3 - len(numbers))
    if numbers[0] > 255 or numbers[1] > 255 or numbers[2] > 65535:
        raise ValueError(f"{version}: Windows Installer versions are at most 255.255.65535")
    return ".".join(str(n) for n in numbers)


def guid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\n".join(parts))).upper()


def _id(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def _attrs(**values: str | None) -> str:
    return " ".join(f"{name}={quoteattr(value)}" for name, value in values.items() if value is not None)


def wxs(folder: Path, options: Options, base: Path | None = None) -> str:
    """The WiX source (wixl's subset of WiX 3) installing `folder`'s files; file names relative to `base`
    (wixl takes no absolute ones), where wixl is then run."""

    def source(path: Path) -> str:
        return os.path.relpath(path, base) if base is not None else str(path)

    version = msi_version(options.version)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    by_dir: dict[str, list[tuple[str, Path]]] = {}
    for path in files:
        relative = path.relative_to(folder).as_posix()
        by_dir.setdefault(relative.rpartition("/")[0], []).append((relative, path))
    for name, extra in options.extra_files.items():
        by_dir.setdefault("", []).append((name, extra))
    listing = "\n".join(sorted(rel for entries in by_dir.values() for rel, _ in entries))
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
             f'  <Product {_attrs(Id=guid("product", version), Name=PRODUCT, Language="1033", Codepage="1252", Version=version, Manufacturer=MANUFACTURER, UpgradeCode=UPGRADE_CODE)}>',  # noqa: E501
             f'    <Package {_attrs(Id=guid("package", version, listing), Description=f"{PRODUCT} {options.version}", Comments=options.description, Manufacturer=MANUFACTURER, InstallerVersion="500", Languages="1033", Compressed="yes", InstallScope="perUser", SummaryCodepage="1252")}/>',  # noqa: E501
             '    <MajorUpgrade DowngradeErrorMessage="A newer version of OmbudsCompare is already installed."/>',
             '    <MediaTemplate EmbedCab="yes"/>',
             f'    <Icon Id="ProductIcon.ico" SourceFile={quoteattr(source(folder / MAIN_EXE))}/>',
             '    <Property Id="ARPPRODUCTICON" Value="ProductIcon.ico"/>',
             '    <Property Id="ARPNOMODIFY" Value="1"/>',
             '    <Property Id="ARPNOREPAIR" Value="1"/>',
             '    <Property Id="ARPCOMMENTS" Value="Per-user install; no administrator rights, no network."/>',
             '    <Property Id="MSIINSTALLPERUSER" Value="1"/>',
             '    <Directory Id="TARGETDIR" Name="SourceDir">',
             '      <Directory Id="ProgramMenuFolder"/>',
             '      <Directory Id="LocalAppDataFolder">',
             '        <Directory Id="ProgramsDir" Name="Programs">',
             '          <Directory Id="INSTALLDIR" Name="OmbudsCompare">']
    components: list[str] = []
    dir_ids = {"": "INSTALLDIR"}

    def component(relative_dir: str, indent: str) -> list[str]:
        entries = sorted(by_dir.get(relative_dir, []))
        comp_id = _id("c", "dir:" + relative_dir)
        components.append(comp_id)
        names = "\n".join(rel for rel, _ in entries)
        out = [f'{indent}<Component {_attrs(Id=comp_id, Guid=guid("component", relative_dir, names), Win64="yes")}>',
               f'{indent}  <RegistryValue {_attrs(Root="HKCU", Key=REGISTRY_HOME, Name=comp_id, Type="integer", Value="1", KeyPath="yes")}/>',  # noqa: E501
               f'{indent}  <RemoveFolder {_attrs(Id=_id("r", "dir:" + relative_dir), On="uninstall")}/>']
        for rel, path in entries:
            file_id = {"OmbudsCompare.exe": "OmbudsCompareExe", "ombudscompare-cli.exe": "CliExe"}.get(rel)
            out.append(f'{indent}  <File {_attrs(Id=file_id or _id("f", rel), Name=rel.rpartition("/")[2], Source=source(path))}/>')  # noqa: E501
        out.append(f"{indent}</Component>")
        return out

    def directory(relative_dir: str, indent: str) -> list[str]:
        out = component(relative_dir, indent)
        children = sorted({key[len(relative_dir) + 1 if relative_dir else 0:].split("/")[0]
                           for key in by_dir if key != relative_dir and key.startswith(relative_dir)
                           and (not relative_dir or key.startswith(relative_dir + "/"))})
        for child in children:
            child_dir = f"{relative_dir}/{child}" if relative_dir else child
            dir_ids[child_dir] = _id("d", child_dir)
            out.append(f'{indent}<Directory {_attrs(Id=dir_ids[child_dir], Name=child)}>')
            out += directory(child_dir, indent + "  ")
            out.append(f"{indent}</Directory>")
        return out

    lines += directory("", " " * 12)
    lines += ['          </Directory>',
              '        </Directory>',
              '      </Directory>',
              '    </Directory>']
    classes = r"Software\Classes"
    command = '"[INSTALLDIR]OmbudsCompare.exe" "%1"'
    registry = [
        (rf"{classes}\{EXTENSION}", None, PROG_ID),
        (rf"{classes}\{EXTENSION}", "Content Type", "application/json"),
        (rf"{classes}\{EXTENSION}\OpenWithProgids", PROG_ID, ""),
        (rf"{classes}\{PROG_ID}", None, "OmbudsCompare project"),
        (rf"{classes}\{PROG_ID}\DefaultIcon", None, "[INSTALLDIR]OmbudsCompare.exe,0"),
        (rf"{classes}\{PROG_ID}\shell\open\command", None, command),
        (rf"{classes}\Applications\{MAIN_EXE}", "FriendlyAppName", PRODUCT),
        (rf"{classes}\Applications\{MAIN_EXE}\shell\open\command", None, command),
        *((rf"{classes}\Applications\{MAIN_EXE}\SupportedTypes", ext, "") for ext in OPENS),
    ]
    lines += ['    <DirectoryRef Id="INSTALLDIR">',
              f'      <Component {_attrs(Id="FileType", Guid=guid("component", "file type"), Win64="yes")}>',
              f'        <RegistryValue {_attrs(Root="HKCU", Key=REGISTRY_HOME, Name="FileType", Type="integer", Value="1", KeyPath="yes")}/>']  # noqa: E501
    for key, name, value in registry:
        lines.append(f'        <RegistryValue {_attrs(Root="HKCU", Key=key, Name=name, Type="string", Value=value)}/>')
    lines += ['      </Component>', '    </DirectoryRef>',
              '    <DirectoryRef Id="ProgramMenuFolder">',
              f'      <Component {_attrs(Id="StartMenu", Guid=guid("component", "start menu"), Win64="yes")}>',
              f'        <Shortcut {_attrs(Id="StartMenuShortcut", Name=PRODUCT, Description=options.description, Target="[#OmbudsCompareExe]", WorkingDirectory="INSTALLDIR", Icon="ProductIcon.ico", IconIndex="0")}/>',  # noqa: E501
              f'        <RegistryValue {_attrs(Root="HKCU", Key=REGISTRY_HOME, Name="StartMenu", Type="integer", Value="1", KeyPath="yes")}/>',  # noqa: E501
              '      </Component>', '    </DirectoryRef>',
              f'    <Feature {_attrs(Id="Complete", Title=PRODUCT, Level="1")}>']
    lines += [f'      <ComponentRef Id="{comp}"/>' for comp in components]
    lines += ['      <ComponentRef Id="FileType"/>', '      <ComponentRef Id="StartMenu"/>',
              '    </Feature>', '  </Product>', '</Wix>']
    return "\n".join(lines) + "\n"


def build(folder: Path, options: Options, target: Path, work: Path) -> Path:
    """Write the WiX source to `work` and let wixl build `target`."""
    work.mkdir(parents=True, exist_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    source = work / (target.stem + ".wxs")
    source.write_text(wxs(folder.resolve(), options, base=work.resolve()), encoding="utf-8")
    target.unlink(missing_ok=True)
    done = subprocess.run(["wixl", "--arch", "x64", "-o", str(target.resolve()), source.name], capture_output=True,
                          text=True, cwd=work)
    if done.returncode != 0 or not target.is_file():
        raise RuntimeError(f"wixl failed: {(done.stderr or done.stdout).strip()[-2000:]}")
    return target
