"""Authenticode signing with osslsigncode (SHA-256, optional RFC 3161 timestamp), and verifying it.

The certificate comes from the environment: OMBUDSCOMPARE_SIGN_PFX (a .pfx/.p12 file) with
OMBUDSCOMPARE_SIGN_PASSWORD, or OMBUDSCOMPARE_SIGN_CERT and OMBUDSCOMPARE_SIGN_KEY (PEM files; the key's
password, if any, in OMBUDSCOMPARE_SIGN_PASSWORD). OMBUDSCOMPARE_SIGN_TIMESTAMP_URL adds a timestamp.
Passwords go to osslsigncode through a file only this user can read, never on the command line.

Signed are our two programs and every other .exe, .dll or .pyd in the bundle that carries no signature
yet (numpy's modules and OpenBLAS): App Control's publisher rules then cover every file. Files that
their makers signed (python.org's Python, The Qt Company's Qt, Microsoft's runtime) keep their signature.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BINARIES = (".exe", ".dll", ".pyd")
SYSTEM_CAS = Path("/etc/ssl/certs/ca-certificates.crt")


class SigningError(Exception):
    """Signing or verifying failed; the message says which file and why."""


@dataclass
class Signer:
    pfx: Path | None = None
    cert: Path | None = None
    key: Path | None = None
    password: str = ""
    timestamp_url: str | None = None
    name: str = "OmbudsCompare"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Signer | None:
        """The signer the environment describes, or None (the release is then unsigned)."""
        pfx, cert, key = (env.get(f"OMBUDSCOMPARE_SIGN_{name}") for name in ("PFX", "CERT", "KEY"))
        common = dict(password=env.get("OMBUDSCOMPARE_SIGN_PASSWORD", ""),
                      timestamp_url=env.get("OMBUDSCOMPARE_SIGN_TIMESTAMP_URL") or None)
        if pfx:
            signer = cls(pfx=Path(pfx), **common)
        elif cert or key:
            if not (cert and key):
                raise SigningError("OMBUDSCOMPARE_SIGN_CERT and OMBUDSCOMPARE_SIGN_KEY go together")
            signer = cls(cert=Path(cert), key=Path(key), **common)
        else:
            return None
        for path in (signer.pfx, signer.cert, signer.key):
            if path is not None and not path.is_file():
                raise SigningError(f"{path}: no such file")
        return signer

    def _run(self, args: list[str], what: Path) -> str:
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            raise SigningError(f"{what.name}: {(done.stderr + done.stdout).strip()[-800:]}")
        return done.stdout

    def sign(self, path: Path) -> None:
        """Sign `path` in place (SHA-256; timestamped when a URL is given)."""
        with tempfile.TemporaryDirectory() as folder:
            secret = Path(folder) / "pass"
            secret.touch(mode=0o600)
            secret.write_text(self.password, encoding="utf-8")
            signed = Path(folder) / path.name
            args = ["osslsigncode", "sign", "-h", "sha256", "-n", self.name, "-readpass", str(secret)]
            args += ["-pkcs12", str(self.pfx)] if self.pfx else ["-certs", str(self.cert), "-key", str(self.key)]
            if self.timestamp_url:
                args += ["-ts", self.timestamp_url]
            self._run(args + ["-in", str(path), "-out", str(signed)], path)
            os.replace(signed, path)

    def chain(self, folder: Path) -> Path:
        """The certificates to trust when verifying: the machine's CAs and the signer's own chain."""
        target = folder / "trusted.pem"
        parts = [SYSTEM_CAS.read_text(encoding="utf-8")] if SYSTEM_CAS.is_file() else []
        if self.pfx:
            secret = folder / "pass"
            secret.touch(mode=0o600)
            secret.write_text(self.password, encoding="utf-8")
            for legacy in ([], ["-legacy"]):
                done = subprocess.run(["openssl", "pkcs12", "-in", str(self.pfx), "-nokeys", "-passin",
                                       f"file:{secret}", *legacy], capture_output=True, text=True)
                if done.returncode == 0:
                    parts.append(done.stdout)
                    break
            else:
                raise SigningError(f"{self.pfx.name}: cannot read the certificates ({done.stderr.strip()[-300:]})")
        else:
            assert self.cert is not None
            parts.append(self.cert.read_text(encoding="utf-8"))
        target.write_text("\n".join(parts), encoding="utf-8")
        return target

    def verify(self, paths: list[Path]) -> None:
        """Every file's signature holds and leads to a trusted certificate (SigningError otherwise)."""
        with tempfile.TemporaryDirectory() as folder:
            trusted = self.chain(Path(folder))
            for path in paths:
                output = self._run(["osslsigncode", "verify", "-CAfile", str(trusted), "-in", str(path)], path)
                if "Signature verification: ok" not in output:
                    raise SigningError(f"{path.name}: signature not verified:\n{output[-800:]}")


def has_signature(path: Path) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(["osslsigncode", "extract-signature", "-in", str(path), "-out",
                               str(Path(folder) / "signature")], capture_output=True)
        return done.returncode == 0


def to_sign(folder: Path, ours: tuple[str, ...] = ("OmbudsCompare.exe", "ombudscompare-cli.exe")) -> list[Path]:
    """Our programs, and every binary in the bundle that nobody signed."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in BINARIES and (path.name in ours or not has_signature(path)):
            found.append(path)
    return found


def sign_bundle(signer: Signer, folder: Path) -> list[Path]:
    paths = to_sign(folder)
    for path in paths:
        signer.sign(path)
    signer.verify(paths)
    return paths
