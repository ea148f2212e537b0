"""spaCy finds the components through entry points, in an interpreter that never imported
reportparse, and they stay light: no pandas, no PDF engines."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FACTORIES = ("az_dates", "az_counts", "az_organizations", "az_references", "az_sections")


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_factories_are_registered_by_entry_point():
    from importlib.metadata import entry_points

    names = {entry.name for entry in entry_points(group="spacy_factories")}
    if not set(FACTORIES) <= names:
        pytest.skip("reportparse is not installed (its entry points are read from the installed metadata)")
    output = _python(
        "import json, spacy, sys\n"
        "nlp = spacy.blank('az')\n"
        f"for name in {FACTORIES!r}: nlp.add_pipe(name)\n"
        "doc = nlp('1-ci bəndin icrasına dair (İclaslar):\\nMiqrant Şurasının iclası 28.01.2022-ci il tarixdə '\n"
        "          'keçirilib, 50 nəfərdən çox əməkdaş iştirak edib.')\n"
        "print(json.dumps({'spans': {k: [s.text for s in v] for k, v in doc.spans.items()},\n"
        "                  'ents': [(e.text, e.label_) for e in doc.ents],\n"
        "                  'sections': [(s.label_, s._.commitment) for s in doc.spans['sections']],\n"
        "                  'heavy': [m for m in ('pandas', 'pypdfium2', 'pdfplumber', 'reportparse.batch')"
        " if m in sys.modules]}))\n"
    )
    found = json.loads(output)
    assert found["spans"]["dates"] == ["28.01.2022-ci il"]
    assert found["spans"]["counts"] == ["50 nəfərdən çox"]
    assert found["spans"]["organizations"] == ["Miqrant Şurasının"]
    assert found["ents"] == [["Miqrant Şurasının", "ORG"], ["28.01.2022-ci il", "DATE"]]
    assert found["sections"] == [["1", "İclaslar"]]
    assert found["heavy"] == []


def test_a_docbin_round_trip_without_importing_reportparse():
    from importlib.metadata import entry_points

    if "az_sections" not in {entry.name for entry in entry_points(group="spacy_factories")}:
        pytest.skip("reportparse is not installed (its entry points are read from the installed metadata)")
    output = _python(
        "import spacy\n"
        "from spacy.tokens import DocBin\n"
        "nlp = spacy.blank('az')\n"
        "nlp.add_pipe('az_dates')\n"
        "doc = nlp('Şuranın iclası 28.01.2022-ci il tarixdə keçirilib.')\n"
        "data = DocBin(docs=[doc], store_user_data=True).to_bytes()\n"
        "(back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)\n"
        "print([(s.text, str(s._.date.date_start), s._.date.granularity) for s in back.spans['dates']])\n"
    )
    assert output.strip() == "[('28.01.2022-ci il', '2022-01-28', 'day')]"


def test_a_saved_pipeline_loads_with_spacy_load(tmp_path):
    from importlib.metadata import entry_points

    if "az_dates" not in {entry.name for entry in entry_points(group="spacy_factories")}:
        pytest.skip("reportparse is not installed")
    _python(
        "import spacy\n"
        "nlp = spacy.blank('az')\n"
        "nlp.add_pipe('az_dates', config={'year': 2022})\n"
        "nlp.add_pipe('az_counts')\n"
        f"nlp.to_disk({str(tmp_path / 'pipeline')!r})\n"
    )
    output = _python(
        "import spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('Şuranın iclası cari ilin 14 iyun tarixində keçirilib.')\n"
        "print(nlp.pipe_names, [(s.text, str(s._.date.date_start)) for s in doc.spans['dates']])\n"
    )
    assert output.strip() == "['az_dates', 'az_counts'] [('cari ilin 14 iyun', '2022-06-14')]"


@pytest.mark.parametrize("module", ["reportparse.components.dates", "reportparse.lang.az.casing", "reportparse"])
def test_light_imports_load_no_pandas_and_no_pdf_engine(module):
    output = _python(
        f"import sys, {module}\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'pypdfium2', 'pdfplumber', 'docx') if m in sys.modules))\n"
    )
    assert "pandas" not in output and "pypdfium2" not in output and "pdfplumber" not in output, output
