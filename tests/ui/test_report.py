"""The PDF report as a memo reader gets it: no word broken mid-word, no amount split from its €, switched-off
criteria marked as not counting, and charts stored without lossy compression."""

import itertools
import re
import unicodedata

import pytest

from ombudscompare.core.model import LocalText, Option, Tariff
from ombudscompare.ui.export.report import write_report

pypdf = pytest.importorskip("pypdf")


def _six_options(project):
    names = ["Ombudsman Zuid-Kennemerland en IJmond", "Regionale Klachtencommissie Noordwest",
             "Gemeenschappelijke Ombudsvoorziening Holland", "Nationale ombudsman met aanvullend spreekuur"]
    for number, name in enumerate(names):
        option_id = f"extra{number}"
        project.options.append(Option(option_id, LocalText.both(name),
                                      Tariff(fixed=12_345.67 * (number + 1), per_complaint=432.97,
                                             included_complaints=50 + number, surcharge=99.5)))
        for criterion in project.criteria:
            score = project.score("goma", criterion.id)
            if score is not None:
                project.scores[(option_id, criterion.id)] = type(score)(option_id, criterion.id, score.value)
    return project


def _text(path):
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", text).replace("\xa0", " "), reader  # NFKC: 'ﬃ' ligatures as letters


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_word_is_broken_and_no_amount_split(qapp, haarlem, tmp_path, lang):
    project = _six_options(haarlem)
    path = tmp_path / "report.pdf"
    write_report(project, path, lang)
    text, _reader = _text(path)
    words = set()
    for option in project.options:
        words.update(w for w in re.findall(r"[\w-]{6,}", option.name.get(lang)))
    words.update({"nl": ["Inbegrepen", "Naheffing", "Onafhankelijkheid", "betrokkenheid", "Indexatie"],
                  "en": ["Surcharge", "Indexation", "Independence", "involvement", "included"]}[lang])
    for word in words:
        assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), f"'{word}' is broken or missing"
    assert not re.search(r"€\s*\n", text), "an amount split from its € sign"
    assert not re.search(r"\d\s*\n\s*%", text), "a percentage split from its % sign"


def test_switched_off_criteria_say_they_do_not_count(qapp, haarlem, tmp_path):
    path = tmp_path / "report.pdf"
    write_report(haarlem, path, "nl")
    text, _reader = _text(path)
    flat = " ".join(text.split())
    assert flat.count("uit: telt niet mee") - flat.count("staat uit: telt niet mee") == 2  # the criteria table
    assert flat.count("(staat uit: telt niet mee)") == 4  # and at their scores, for both options


def test_charts_are_stored_losslessly(qapp, haarlem, tmp_path):
    path = tmp_path / "report.pdf"
    write_report(haarlem, path, "nl")
    _text_found, reader = _text(path)
    filters = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for obj in (resources.get("/XObject") or {}).values():
            image = obj.get_object()
            if image.get("/Subtype") == "/Image":
                found = image.get("/Filter")
                filters += list(found) if isinstance(found, list) else [found]
    assert filters and "/DCTDecode" not in filters, filters


def test_the_report_says_who_chooses_what_how_the_sets_were_made_and_how_sure(qapp, haarlem, tmp_path):
    from ombudscompare import commands
    from ombudscompare.core.model import InputRange

    project = haarlem
    commands.from_swings(project, "Commissielid B", "local_involvement", {
        "local_involvement": 100, "independence": 80, "cost_per_inhabitant": 60, "surcharge_per_extra_complaint": 40,
        "learning_capacity": 20}).edit.apply(project)
    commands.from_order(project, "Fractie C", ["independence", "learning_capacity", "local_involvement",
                                                   "cost_per_inhabitant", "surcharge_per_extra_complaint"]
                            ).edit.apply(project)
    project.ranges = [InputRange(("population",), 100_000, 400_000, 159_717)]
    path = tmp_path / "report.pdf"
    write_report(project, path, "nl")
    flat = " ".join(_text(path)[0].split())
    assert "Wie kiest wat" in flat and "Elke set zet de Nationale ombudsman op de eerste plaats" in flat
    assert "Hoe Commissielid B is gewogen: met sprongen (swing)" in flat
    assert "van 1 – zeer zwak naar 5 – zeer goed" in flat and "33,3 %" in flat
    assert "Hoe Fractie C is gewogen: alleen op volgorde" in flat
    assert "Onafhankelijkheid > Lerend vermogen > Lokale betrokkenheid" in flat
    assert "Hoe zeker" in flat and "Het aantal inwoners" in flat
    shares = flat[flat.index("Gewichten per set"):flat.index("Hoe Commissielid B")]
    for word in ("Onafhankelijkheid", "betrokkenheid", "Naheffing", "Commissielid", "Compromis"):
        assert re.search(rf"(?<![\w-]){word}(?![\w-])", shares), f"'{word}' broken in the table of shares"
    assert re.search(r"De Nationale ombudsman is in \d+ % van de gevallen goedkoper", flat)


LONG_WORDS = ("Klachtbehandelingsdeskundigheid", "Onafhankelijkheidswaarborgen", "Ondernemersvereniging",
              "Toegankelijkheidsvoorzieningen", "Bereikbaarheidsgarantie", "Samenwerkingsverband",
              "Gemeenteraadsfractievoorzitter", "Burgerparticipatiecommissie", "Klachtenregelingsevaluatie")


def _long_named_project(n_options):
    """A generated project (plain texts, so no other word starts like a name) with long Dutch names for the options,
    criteria and weight sets, a swing set, an order set and an uncertain input: every table of the report."""
    from ombudscompare import commands
    from ombudscompare.core.model import InputRange
    from tests.synthetic import generated_project

    project = generated_project(n_options, 6, seed=3)
    words = itertools.cycle(LONG_WORDS)
    for criterion in project.criteria:
        criterion.name = LocalText.both(f"{next(words)} en {next(words)}")
    for option in project.options:
        option.name = LocalText.both(f"Stichting {next(words)}-{next(words)}")
    on = [c.id for c in project.criteria if c.enabled]
    commands.from_swings(project, "Gemeenteraadsfractievoorzitter Ondernemersvereniging", on[0],
                         {c: 100 - 10 * i for i, c in enumerate(on)}).edit.apply(project)
    commands.from_order(project, "Burgerparticipatiecommissie", on).edit.apply(project)
    commands.save_current(project, "Klachtbehandelingsdeskundigheid").edit.apply(project)
    project.ranges = [InputRange(("population",), 1_000, 900_000)]
    link = "https://www.example.nl/beleid/" + "klachtenregeling_" * 8 + "2026.pdf"  # no word: it may break
    project.notes = f"Zie {link}"
    score = next(iter(project.scores.values()))
    score.source.url = link
    return project


def _pdftotext_lines(path):
    """The PDF's text line by line as pdftotext finds it (TSV: no hyphens taken out), and the words that reach past
    the right margin."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    tsv = subprocess.run(["pdftotext", "-tsv", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    lines: dict[tuple, list[str]] = {}
    outside, right = [], 0.0
    for row in tsv.stdout.decode("utf-8").splitlines()[1:]:
        level, page, par, block, line, _word, left, _top, width, _height, _conf, text = row.split("\t", 11)
        if text == "###PAGE###":
            right = float(width) - 18 / 25.4 * 72  # the page's right margin is 18 mm
        elif level == "5":
            lines.setdefault((page, par, block, line), []).append(unicodedata.normalize("NFKC", text))
            if float(left) + float(width) > right + 1:
                outside.append(text)
    return "\n".join(" ".join(words) for words in lines.values()), outside


@pytest.mark.parametrize("n_options", [2, 6])
def test_long_dutch_names_are_never_broken_mid_word(qapp, tmp_path, n_options):
    """Issue 20.8: 'Klachtbehandelin|gsdeskundigheid' even in a two-column table with room to spare. Every word of
    every name is found whole; a word broken over two lines leaves its first or its second half behind. And no table
    grows past the page's margin to keep its words whole."""
    project = _long_named_project(n_options)
    path = tmp_path / "report.pdf"
    write_report(project, path, "nl")
    text, outside = _pdftotext_lines(path)
    names = [o.name.get("nl") for o in project.options] + [c.name.get("nl") for c in project.criteria]
    names += [s.name for s in project.weight_sets]
    words = {w for name in names for w in re.split(r"[\s-]+", name) if len(w) > 3}
    broken = []
    for word in sorted(words, key=len, reverse=True):
        whole = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        assert whole.search(text), f"'{word}' is missing"
        rest = whole.sub(" ", text)
        half = len(word) // 2
        if word[:len(word) - half] in rest or word[half:] in rest:
            broken.append(word)
    assert not broken, f"broken mid-word: {broken}"
    assert not outside, f"past the right margin: {outside}"


def test_the_report_says_the_complaints_given(qapp, haarlem):
    """Issue 20.9: the title page said '94 klachten per jaar' for 93,5."""
    from datetime import datetime

    from ombudscompare.ui.export.report import report_html

    haarlem.municipality.complaints_per_year = 93.5
    markup, _images = report_html(haarlem, "nl", datetime(2026, 3, 1))
    assert "93,5 klachten per jaar · peiljaar" in markup
    assert "Bij 93,5 klachten per jaar is " in markup


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_price_per_point_stays_in_the_value_table(qapp, haarlem, lang):
    """A table too wide for the page goes on below as a second table; the value table's price per extra point was
    split off that way (its header at the foot of one page, its figures on the next). Per inhabitant is in the
    outcome's table already, so the value table leaves it out and keeps its price per point."""
    from datetime import datetime

    from ombudscompare.ui.export.report import report_html

    haarlem.criterion("local_involvement").weight = 20 * 4 / 3  # a step up the frontier, with its price
    html, _images = report_html(haarlem, lang, datetime(2026, 12, 6))
    section = html[html.index({"nl": "Waar voor ons geld", "en": "Value for money"}[lang]):]
    table = section[section.index("<table"):section.index("</table>")]
    for header in {"nl": ["Kwaliteit", "Kosten per jaar", "Efficiënt", "Per extra punt"],
                   "en": ["Quality", "Annual cost", "Efficient", "Per extra point"]}[lang]:
        assert header in table, f"'{header}' is not in the value table's first part"
    assert "<table" not in section[section.index("</table>"):section.index("<h2", section.index("</table>"))]
