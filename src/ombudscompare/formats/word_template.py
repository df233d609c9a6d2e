"""A municipality's Word template (.dotx) or document (.docx) opened as the base of the appendix: its styles, page
setup, headers and footers kept, its body emptied; refused in words when it is too large or not Word (Qt-free)."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from .errors import FileError

TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024


def open_template(path: str | os.PathLike[str]) -> Any:
    """A Word document or template as the base of the appendix, its body emptied (its styles, page setup, headers
    and footers kept). python-docx opens only documents, so a template's main part is relabelled a document's."""
    shown = str(path)
    try:
        if os.path.getsize(path) > MAX_TEMPLATE_BYTES:
            raise FileError.single(shown, "", "too large for a Word template ({size} MB)",
                                   size=os.path.getsize(path) // (1024 * 1024))
        with open(path, "rb") as handle:
            data = handle.read()
        document = Document(io.BytesIO(_as_document(data)))
    except FileError:
        raise
    except OSError as exc:
        raise FileError.single(shown, "", "cannot be read: {reason}", reason=exc.strerror or str(exc)) from None
    except Exception as exc:  # python-docx, zipfile and lxml each have their own ways of saying 'not Word'
        raise FileError.single(shown, "", "is not a Word document or template (.docx, .dotx): {reason}",
                               reason=str(exc) or type(exc).__name__) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _as_document(data: bytes) -> bytes:
    """The package with a template's content type changed to a document's (other files: unchanged)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if TEMPLATE_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
                target.writestr(item, content)
        return out.getvalue()
