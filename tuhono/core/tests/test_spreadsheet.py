"""Every CSV or xlsx file the project writes holds no live formula, and numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.test import Client

from tuhono.accounts.models import User
from tuhono.core.spreadsheet import safe_cell, xlsx_append
from tuhono.councils.models import Council
from tuhono.partnerships.importing.services import partnerships_import, report_csv
from tuhono.partnerships.services import partnership_create
from tuhono.places.services import place_get_or_create

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (FORMULA, "'" + FORMULA),
        ("+64 9 301 0101", "'+64 9 301 0101"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("Auckland", "Auckland"),
        ("a=b", "a=b"),
        ("-36.848", "-36.848"),
        ("+1e5", "+1e5"),
        (-36.848, -36.848),
        (-7, -7),
        (None, None),
    ],
)
def test_text_that_would_run_as_a_formula_is_written_as_text(value: object, written: object) -> None:
    assert safe_cell(value) == written


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_public_csv_holds_no_live_formula_and_keeps_coordinates_as_numbers(demo: None) -> None:
    partner = place_get_or_create(name=FORMULA, country_code="CL", latitude=-33.0472, longitude=-71.6127)
    partnership_create(
        actor=User.objects.get(username="officer"),
        council=Council.objects.get(slug="auckland"),
        partner=partner,
        kind="sister_city",
        summary="@SUM(1+1)*cmd|' /C calc'!A0",
        published=True,
    )
    text = Client().get("/data/partnerships.csv").content.decode("utf-8")
    rows = _cells(text)
    header, ours = rows[0], next(row for row in rows if FORMULA in "".join(row))
    record = dict(zip(header, ours, strict=True))
    assert record["partner"] == "'" + FORMULA
    assert record["summary"].startswith("'@SUM")
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    # The negative latitude is written unquoted: a spreadsheet reads it as a number.
    assert ",-33.0472,-71.6127," in text
    assert '"\'=HYPERLINK(""http://x"",""y"")"' in text


def test_the_import_report_holds_no_live_formula(db: None) -> None:
    data = f'city1,country1,city2,country2\n"{FORMULA.replace(chr(34), chr(34) * 2)}",Chile,Nelson,New Zealand\n'
    result = partnerships_import(actor=None, data=data.encode(), filename="list.csv", dry_run=True)
    report = report_csv(result.plan)
    rows = _cells(report)
    assert len(rows) == 2
    assert not any(cell.startswith(("=", "+", "@", "-")) for row in rows for cell in row)
    assert rows[1][4] == "'=HYPERLINK"  # the partner as read from the file, inert
    assert rows[1][-1].startswith('"=HYPERLINK')  # the line as read: quoted, so not a formula either


def test_the_screening_batch_output_holds_no_live_formula(db: None, tmp_path: Path) -> None:
    from tuhono.watchlists.services.batch import screen_csv

    source = tmp_path / "people.csv"
    source.write_text(f'full_name,reference\n"{FORMULA.replace(chr(34), chr(34) * 2)}",-42\n', encoding="utf-8")
    screen_csv(input_path=source, output_path=tmp_path / "screened.csv")
    rows = list(csv.DictReader((tmp_path / "screened.csv").open(encoding="utf-8")))
    assert rows[0]["full_name"] == "'" + FORMULA
    assert rows[0]["reference"] == "-42"


def test_an_xlsx_row_keeps_formulas_as_text_and_numbers_as_numbers(tmp_path: Path) -> None:
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    xlsx_append(book.active, ["Partner", "Latitude"])
    xlsx_append(book.active, [FORMULA, -33.0472])
    book.save(tmp_path / "export.xlsx")
    cells = next(load_workbook(tmp_path / "export.xlsx").active.iter_rows(min_row=2))
    assert cells[0].data_type == "s" and cells[0].value == "'" + FORMULA
    assert cells[1].data_type == "n" and cells[1].value == -33.0472
