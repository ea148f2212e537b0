"""The HTML reader: main text of saved web pages, title and date, registry records, charsets."""

from __future__ import annotations

import html as stdlib_html
import re
from pathlib import Path

import pytest

import reportparse
from reportparse.errors import DecodingError, EmptyDocumentError, ReportParseWarning
from reportparse.ingest import html

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "corpus" / "html"
REPORTS = ROOT / "corpus" / "reports"
NEWS = PAGES / "dmx-2022-news-execution-report.html"

# page → (title, date, items found by the segmenter, a date of the text that must be found)
EXPECTED = {
    "dmx-2022-news-execution-report": (
        "Dövlət Miqrasiya Xidmətinin Tədbirlər Planının 2022-ci ildə icrası barədə hesabat",
        "2023-01-27",
        ["1", "2", "3", "4"],
        "2022-03-15",
    ),
    "eqanun-cabinet-decision-112-2021": (
        "“Korrupsiya risklərinin qiymətləndirilməsi Qaydası”nın təsdiq edilməsi haqqında",
        "2021-04-14",
        [],
        "2020-12-29",
    ),
    "gim-2021-execution-report-windows-1254": (
        "Gənclər və İdman Nazirliyinin 2021-ci il üzrə Tədbirlər Planının icrası haqqında məlumat",
        "2022-02-11",
        ["5.1", "5.2", "5.3"],
        "2021-12-20",
    ),
    "qhtda-2023-execution-report-time": (
        "Agentliyin Tədbirlər Planının 2023-cü ildə icrası barədə hesabat",
        "2024-02-05",
        ["1", "2", "3"],
        "2023-09-14",
    ),
    "asan-2021-execution-report-br": (
        "Dövlət Agentliyinin Tədbirlər Planının 2021-ci ildə icrası haqqında hesabat",
        "2022-01-28",
        ["1", "2", "3"],
        "2021-01-01",
    ),
}
DOCUMENT_TITLES = {  # an act's title block starts with its type lines
    "eqanun-cabinet-decision-112-2021": "AZƏRBAYCAN RESPUBLİKASI NAZİRLƏR KABİNETİNİN QƏRARI "
    "“Korrupsiya risklərinin qiymətləndirilməsi Qaydası”nın təsdiq edilməsi haqqında"
}
FURNITURE = (
    "Şriftin ölçüsü",
    "Çap et",
    "Paylaş",
    "Facebook",
    "Bütün hüquqlar qorunur",
    "Əsas səhifə",
    "Ana səhifə",
    "Digər xəbərlər",
    "Son xəbərlər",
    "Oxşar xəbərlər",
    "Ən çox oxunanlar",
    "Baxış sayı",
    "kukilərdən",
    "|",
)


def _lines(text: str) -> list[str]:
    return [re.sub(r"^- ", "", line.strip()) for line in text.splitlines() if line.strip()]


def test_every_page_has_its_expected_text():
    assert sorted(path.stem for path in PAGES.glob("*.html")) == sorted(EXPECTED)
    for page in PAGES.glob("*.html"):
        raw = html.read(page, page.read_bytes())
        expected = page.with_name(page.stem + ".expected.txt").read_text(encoding="utf-8")
        assert _lines(raw.pages[0]) == _lines(expected), page.name
        assert raw.format == "html" and raw.extractor == "trafilatura" and raw.warnings == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_site_furniture_is_dropped_and_title_and_date_are_metadata(name):
    page = PAGES / f"{name}.html"
    raw = html.read(page, page.read_bytes())
    title, date, _items, _date = EXPECTED[name]
    assert raw.metadata["title"] == title
    assert raw.metadata["date"] == date
    for furniture in FURNITURE:
        assert furniture not in raw.pages[0], (name, furniture)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pages_parse_into_their_items_and_dates(name):
    report = reportparse.parse(PAGES / f"{name}.html")
    _title, _date, items, a_date = EXPECTED[name]
    assert list(report.sections["item"].dropna()) == items
    assert a_date in set(report.dates["date_start"].astype(str))
    assert report.documents.loc[0, "format"] == "html"
    assert report.documents.loc[0, "title"] == DOCUMENT_TITLES.get(name, _title)  # the title block, set apart
    text = report.document.text
    for row in report.dates.itertuples():
        assert text[row.start : row.end] == row.text


def test_registry_record_leaves_the_text_for_the_metadata():
    page = PAGES / "eqanun-cabinet-decision-112-2021.html"
    raw = html.read(page, page.read_bytes())
    assert raw.pages[0].startswith("AZƏRBAYCAN RESPUBLİKASI NAZİRLƏR KABİNETİNİN\nQƏRARI\n")
    record = raw.metadata["record"]
    assert record.startswith("Hüquqi aktın növü: Azərbaycan Respublikası Nazirlər Kabinetinin Qərarı; ")
    assert "Qəbul edilmə tarixi: 14.04.2021" in record and "Statusu: Qüvvədədir" in record


def test_windows_1254_page_with_character_references_keeps_azerbaijani_letters():
    page = PAGES / "gim-2021-execution-report-windows-1254.html"
    data = page.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = html.read(page, data).pages[0]
    assert "Gənclər və İdman Nazirliyinin" in text and "şəffaflığının" in text and "&#" not in text


def test_charsets(tmp_path):
    page = "<html><head>{}<title>Hesabat</title></head><body><h1>Hesabat</h1><p>{}</p></body></html>"
    body = "Şəffaflıq, ictimai iştirakçılıq və hesabatlılıq üzrə görülmüş işlər barədə məlumat. " * 8
    declared = page.format('<meta charset="windows-1254">', "Hesabat ilində görülmüş işlər: ağac, göl.")
    assert (
        "ilində görülmüş işlər: ağac, göl"
        in html.read(tmp_path / "a.html", declared.encode("cp1254", "xmlcharrefreplace")).pages[0]
    )
    assert "Şəffaflıq" in html.read(tmp_path / "b.html", b"\xef\xbb\xbf" + page.format("", body).encode()).pages[0]
    with pytest.raises(DecodingError, match="declares no <meta charset>"):
        html.read(tmp_path / "c.html", page.format("", "ağac").encode("cp1254"))
    with pytest.raises(DecodingError, match="unknown charset 'klingon'"):
        html.read(tmp_path / "d.html", page.format('<meta charset="klingon">', "x").encode())


def test_dates_are_read_from_meta_time_or_the_line_after_the_title():
    assert html.parse_date("2023-01-27T11:20:00+04:00") == "2023-01-27"
    assert html.parse_date("Dərc olunub: 28 yanvar 2022, 15:40") == "2022-01-28"
    assert html.parse_date("11.02.2022 | 16:05") == "2022-02-11"
    assert html.parse_date("5 Fevral 2024") == "2024-02-05"
    assert html.parse_date("31.02.2022, 45 mart 2020, 1.2.3.2020") is None
    assert html.parse_date("Baxış sayı: 1 248") is None


def test_layout_tables_are_unwrapped_data_tables_kept(tmp_path):
    rows = "".join(
        f"<tr><td>{number}</td><td>Tədbir {number}</td><td>İcra edilib, {number * 10} nəfər iştirak edib</td></tr>"
        for number in range(1, 4)
    )
    intro = "<p>" + "Tədbirlər Planının icrası barədə ətraflı məlumat aşağıdakı cədvəldə verilir. " * 5 + "</p>"
    page = (
        "<html><head><meta charset='utf-8'><title>Hesabat</title></head><body><table><tr><td><h1>Hesabat</h1>"
        f"{intro}<table class='report'>{rows}</table></td></tr></table></body></html>"
    )
    text = html.read(tmp_path / "t.html", page.encode()).pages[0]
    assert "| 2 | Tədbir 2 | İcra edilib, 20 nəfər iştirak edib |" in text
    assert text.startswith("Hesabat\n")


def test_corpus_reports_as_web_pages_give_the_same_items_as_the_text(tmp_path):
    """Every project report, published inside the news page's furniture: all its words, its items."""
    template = NEWS.read_text(encoding="utf-8")
    start = template.index('<div class="news-text">') + len('<div class="news-text">')
    end = template.index("</div>", start)
    for report in sorted(REPORTS.glob("*.txt")):
        text = report.read_text(encoding="utf-8")
        paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]
        page = tmp_path / f"{report.stem}.html"
        body = "\n".join(f"<p>{stdlib_html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)
        page.write_text(template[:start] + body + template[end:], encoding="utf-8")
        extracted = html.read(page, page.read_bytes()).pages[0]
        assert _lines(extracted)[1:] == paragraphs, report.name  # after the page's title line
        from_page = list(reportparse.parse(page).sections["item"].dropna())
        from_text = list(reportparse.parse(report).sections["item"].dropna())
        assert from_page == from_text, report.name


def test_page_without_article_keeps_its_whole_text_with_a_warning(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><ul><li><a href='/'>Ana səhifə</a></li></ul></body></html>", encoding="utf-8")
    with pytest.warns(ReportParseWarning, match="menu.html: no main text found on the page"):
        raw = html.read(page, page.read_bytes())
    assert raw.pages[0] == "Ana səhifə\n"
    assert raw.warnings and "no main text found" in raw.warnings[0]
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>var x = 1;</script></head><body></body></html>", encoding="utf-8")
    with pytest.raises(EmptyDocumentError):
        reportparse.parse(empty)


def test_htm_extension_and_load_dispatch(tmp_path):
    page = tmp_path / "HESABAT.HTM"
    page.write_bytes(NEWS.read_bytes())
    document = reportparse.load(page)
    assert document.raw.format == "html" and document.raw.metadata["date"] == "2023-01-27"
    assert document.text.startswith("Dövlət Miqrasiya Xidmətinin Tədbirlər Planının")


def test_title_from_og_title_heading_or_title_without_the_site_name():
    def title(head: str, body: str = "") -> str:
        return html.page_title(
            html.lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
        )

    report = "Xidmətin 2022-ci il üzrə hesabatı"  # the longest part of a <title> split at " | ", " - ", " :: "
    assert title(f"<title>{report} | Nazirlik</title>", "<p>x</p>") == report
    assert title(f"<title>Nazirlik - {report}</title>") == report
    assert title("<title>Nazirlik :: Xəbərlər</title>", "<aside><h2>Son xəbərlər</h2></aside><h2>Hesabat</h2>") == (
        "Hesabat"
    )
    assert title("<title>Sayt</title>", "<h2>Menyu</h2><h1>Hesabat</h1>") == "Hesabat"
    assert title('<meta property="og:title" content=" Hesabat  2023 "><title>Sayt</title>', "<h1>Başqa</h1>") == (
        "Hesabat 2023"
    )
