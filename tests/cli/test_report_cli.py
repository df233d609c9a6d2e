"""`ombudscompare report`: the PDF/A report or the Word appendix, by --format or the output's extension, on a
template given with --template; mistakes are one line with status 2."""

from __future__ import annotations

import docx

from ombudscompare.cli.main import main
from tests.formats.word_docs import comparison_rows, make_dotx


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_extension_chooses_word_and_the_template_is_used(capsys, tmp_path):
    template = tmp_path / "huisstijl.dotx"
    make_dotx(template)
    target = tmp_path / "bijlage.docx"
    code, _out, err = run(capsys, "--lang", "nl", "report", "-o", str(target), "--template", str(template))
    assert code == 0, err
    assert err.strip() == f"{target} is geschreven"
    document = docx.Document(str(target))
    assert document.sections[0].header.paragraphs[0].text == "Gemeente Testdorp — huisstijl"
    assert comparison_rows(target)[0][:3] == ["Criterium", "Gewicht", "Nationale ombudsman"]


def test_format_docx_whatever_the_extension_and_pdf_by_default(capsys, tmp_path):
    target = tmp_path / "appendix.out"
    assert run(capsys, "--lang", "en", "report", "--format", "docx", "-o", str(target))[0] == 0
    assert comparison_rows(target)[0][:2] == ["Criterion", "Weight"]
    pdf = tmp_path / "report.pdf"
    assert run(capsys, "--lang", "en", "report", "-o", str(pdf))[0] == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b'pdfaid:part="1"' in data


def test_mistakes_are_one_line_with_status_2(capsys, tmp_path):
    template = tmp_path / "huisstijl.dotx"
    template.write_bytes(b"no zip at all")
    code, _out, err = run(capsys, "--lang", "en", "report", "-o", str(tmp_path / "a.docx"), "--template",
                          str(template))
    assert code == 2 and err.count("\n") == 1
    assert "is not a Word document or template (.docx, .dotx)" in err
    code, _out, err = run(capsys, "--lang", "en", "report", "-o", str(tmp_path / "a.pdf"), "--template",
                          str(template))
    assert code == 2 and "--template is for the Word appendix" in err
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "a.pdf").exists()
