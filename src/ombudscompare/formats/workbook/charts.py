"""The workbook's charts, in the app's colour-blind-safe colours with the pattern fills Excel supports."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.fill import ColorChoice, PatternFillProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.worksheet.worksheet import Worksheet

from ...explain import palette
from ...i18n import tr

# The app's hatches as DrawingML preset patterns.
PRESETS = {"up": "wdUpDiag", "horizontal": "ltHorz", "down": "wdDnDiag", "grid": "smGrid", "vertical": "ltVert",
           "cross": "openDmnd", "dots": "pct20"}
DASH_PRESETS = {"solid": "solid", "dash": "dash", "dot": "sysDot", "dashdot": "dashDot", "longdash": "lgDash"}
CM_PER_ROW = 0.53


def _title(chart: BarChart | LineChart, words: str) -> None:
    """A title at 12 pt: larger than the labels, small enough to leave the chart its room."""
    bold = CharacterProperties(sz=1200, b=True)
    chart.title = Title(tx=Text(rich=RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=bold),
                                                           r=[RegularTextRun(rPr=bold, t=words)])])),
                        overlay=False)


def _ink(colour: str) -> str:
    """The hatch lines: a darker shade of a light colour, a lighter tint of a dark one. Same hue, so a reader
    that draws the pattern the other way round (LibreOffice shows some presets mostly in the line colour)
    still shows the series' colour family, as in the legend beside it."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    if palette.is_light(colour):
        mixed = [round(c * 0.55) for c in channels]
    else:
        mixed = [round(c + (255 - c) * 0.55) for c in channels]
    return "".join(f"{c:02X}" for c in mixed)


def _fill(index: int) -> GraphicalProperties:
    base = palette.colour(index)[1:]
    properties = GraphicalProperties()
    hatch = palette.hatch(index)
    if hatch == "none":
        properties.solidFill = base
    else:
        ink = _ink(palette.colour(index))
        properties.pattFill = PatternFillProperties(prst=PRESETS[hatch], fgClr=ColorChoice(srgbClr=ink),
                                                    bgClr=ColorChoice(srgbClr=base))
    properties.line = LineProperties(solidFill="404040", w=6350)  # a thin outline keeps light fills apart
    return properties


def contributions_chart(source: Worksheet, lang: str, top: int, options: int, series: int) -> BarChart:
    """Stacked horizontal bars: each option's total built up per switched-on criterion, best first, each bar
    labelled with its total (the category label, a live formula)."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    _title(chart, tr("Total score, built up per criterion", lang))
    chart.x_axis.scaling.orientation = "maxMin"  # the first option on top, as in the ranking table
    chart.y_axis.crosses = "max"  # and the score axis below the bars, where it is read
    chart.y_axis.number_format = "0"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 20
    chart.y_axis.title = tr("Score (0–100)", lang)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    labels_row = top + 2
    data = Reference(source, min_col=2, max_col=2 + options, min_row=labels_row + 1, max_row=labels_row + series)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(source, min_col=3, max_col=2 + options, min_row=labels_row))
    for index, item in enumerate(chart.series):
        item.graphicalProperties = _fill(index)
    chart.width = 17
    chart.height = max(7.5, 4.5 + 1.3 * options + 0.5 * (series // 3 + 1))
    return chart


def cost_chart(ws: Worksheet, lang: str, heading: int, last: int, options: int) -> LineChart:
    """Annual cost against complaints: a line per option, each its own colour and dash."""
    chart = LineChart()
    _title(chart, tr("Annual cost against complaints a year", lang))
    chart.y_axis.title = tr("Annual cost (€)", lang)
    chart.x_axis.title = tr("Complaints a year", lang)
    chart.y_axis.number_format = '"€" #,##0'
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.height, chart.width = 8, 17
    data = Reference(ws, min_col=2, max_col=1 + options, min_row=heading, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=heading + 1, max_row=last))
    for index, series in enumerate(chart.series):
        series.smooth = False  # the tariff is piecewise linear; a smoothed line would invent a curve
        series.marker.symbol = "none"
        series.graphicalProperties.line = LineProperties(
            solidFill=palette.colour(index)[1:], w=28575,
            prstDash=DASH_PRESETS[palette.DASHES[index % len(palette.DASHES)]])
    return chart


def rows_for(chart: BarChart | LineChart) -> int:
    """How many default-height rows a chart covers, to place what follows below it."""
    return int(chart.height / CM_PER_ROW) + 2


def beside_or_below(ws: Worksheet, chart: BarChart | LineChart, right_of: int, top: int, below: int,
                    within: int) -> str:
    """Where a chart goes: beside its table (one empty column between) when it fits inside the sheet's width up to
    column `within` — so it neither widens what is printed nor runs over the page's foot — else below it."""
    from openpyxl.utils import get_column_letter

    def pixels(first: int, last: int) -> float:
        return sum((ws.column_dimensions[get_column_letter(c)].width or 8.43) * 7 + 5 for c in range(first, last + 1))

    start = right_of + 2
    room = pixels(start, within) / 96 * 2.54  # in cm
    if room >= 14:  # narrower, down to 14 cm, rather than below the table and over the page's foot
        chart.width = min(chart.width, room)
        return f"{get_column_letter(start)}{top}"
    return f"A{below}"
