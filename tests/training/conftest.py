"""The sample's training sheets, made once per module of tests, and how to read them back."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.knowledge import KnowledgeBase
from generator.outputs.materials import build_materials
from tests.conftest import REPO


@pytest.fixture(scope="session")
def sample_kb() -> KnowledgeBase:
    kb, problems = pipeline.check(REPO)
    assert not problems.has_errors(), [p.format() for p in problems]
    return kb


@pytest.fixture(scope="session")
def sample_sheets(sample_kb: KnowledgeBase) -> dict[str, bytes]:
    """Docs path ('materi/<module>/tes-awal.pdf') → PDF, for the sample project (cached PDFs are reused)."""
    return build_materials(REPO, sample_kb, site=pipeline.site_address(REPO), printed=None,
                           cache_dir=pipeline.pdf_cache_dir(REPO))


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text as pypdf reads it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squeezed(text: str) -> str:
    """Text without spaces, line ends or hyphens, so a phrase still matches where the PDF broke or hyphenated it."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text).casefold()
