"""Every message the core and command line can show has a Dutch translation with the same placeholders."""

import string

import pytest

from ombudscompare.i18n import Message, catalogue, system_language
from ombudscompare.i18n.numbers import format_money, format_number, format_percent, parse_number, read_number

from .msgids import message_ids


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_a_dutch_translation():
    dutch = catalogue("nl")
    missing = {msgid: where for msgid, where in message_ids().items() if not dutch.get(msgid)}
    assert missing == {}


def test_no_stale_translations():
    assert set(catalogue("nl")) - set(message_ids()) == set()


@pytest.mark.parametrize("msgid", sorted(catalogue("nl")))
def test_placeholders_match(msgid):
    assert _fields(catalogue("nl")[msgid]) == _fields(msgid)


def test_nested_messages_render_in_the_same_language():
    message = Message("cannot be saved: {reason}", reason=Message("the disk is full"))
    assert message.render("nl") == "kan niet worden opgeslagen: de schijf is vol"
    assert message.render("en") == "cannot be saved: the disk is full"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(43297.29, "nl", "€ 43.297,29"), (43297.29, "en", "€43,297.29"), (-1.5, "nl", "€ -1,50"),
     (-1.5, "en", "-€1.50"), (0.0, "nl", "€ 0,00")],
)
def test_money(value, lang, expected):
    assert format_money(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [(159717, 0, "nl", "159.717"), (159717, 0, "en", "159,717"), (77.1884, 1, "nl", "77,2"),
     (-0.00001, 2, "nl", "0,00"), (1234567.891, 2, "en", "1,234,567.89")],
)
def test_numbers(value, decimals, lang, expected):
    assert format_number(value, decimals, lang) == expected


def test_percent():
    assert format_percent(0.346, 1, "nl") == "34,6 %"
    assert format_percent(0.346, 1, "en") == "34.6%"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [("159.717", "nl", 159717), ("0,1953", "nl", 0.1953), ("€ 43.297,29", "nl", 43297.29),
     ("159,717", "en", 159717), ("43,297.29", "en", 43297.29), ("34,6 %", "nl", 34.6)],
)
def test_parse_number(text, lang, expected):
    assert parse_number(text, lang) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "lang", "value", "ambiguous"),
    [("500.50", "nl", 500.5, False), ("500,50", "nl", 500.5, False), ("€ 500,50", "nl", 500.5, False),
     ("1.234,56", "nl", 1234.56, False), ("1,234.56", "nl", 1234.56, False), ("1,234.56", "en", 1234.56, False),
     ("1.234", "nl", 1234, True), ("1.234", "en", 1.234, True), ("1,234", "nl", 1.234, True),
     ("1,234", "en", 1234, True), ("0,123", "en", 0.123, False), ("1234,567", "en", 1234.567, False),
     ("1.234.567", "nl", 1234567, False), ("12,5", "en", 12.5, False), ("-5", "nl", -5, False),
     ("1,5e3", "nl", 1500, False), ("34,6 %", "nl", 34.6, False), ("€\u00a043.297,29", "nl", 43297.29, False)],
)
def test_read_number_in_either_habit(text, lang, value, ambiguous):
    read = read_number(text, lang)
    assert read.value == pytest.approx(value)
    assert read.ambiguous is ambiguous


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1e999", "1,2,3", "1.2,3,4", "1,23.4", "--5", "1.23.4"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text, "en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({"LANG": "nl_NL.UTF-8"}, "nl"), ({"LANG": "en_GB.UTF-8"}, "en"), ({"LC_ALL": "de_DE"}, "en"),
     ({"LANG": "C.UTF-8"}, "nl"), ({}, "nl"), ({"LANGUAGE": "nl:en"}, "nl")],
)
def test_system_language(environ, expected):
    assert system_language(environ) == expected
