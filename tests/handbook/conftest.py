"""The sample forums' handbooks, built once per session with the sample site, read back once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import pipeline
from generator.domain.editions import HandbookEdition, prepare_edition
from generator.domain.selection import forums_with_handbooks
from generator.knowledge import KnowledgeBase
from generator.knowledge.status_view import HANDBOOK_STATUSES, with_statuses
from tests.handbook.pdfread import Bookmark, bookmarks, page_texts


@dataclass(frozen=True)
class SampleHandbook:
    edition: HandbookEdition
    pdf: bytes
    texts: list[str]
    bookmarks: list[Bookmark]
    kb: KnowledgeBase
    project: Path

    @property
    def forum_id(self) -> str:
        return self.edition.forum_id


@pytest.fixture(scope="session")
def sample_handbooks(sample_build: pipeline.BuildResult) -> list[SampleHandbook]:
    project = sample_build.site_dir.parent
    printed = with_statuses(sample_build.kb, HANDBOOK_STATUSES)  # the public handbooks hold approved items only
    handbooks = []
    for forum in forums_with_handbooks(printed):
        edition = prepare_edition(printed, forum)
        pdf = (sample_build.site_dir / edition.pdf_path).read_bytes()
        handbooks.append(SampleHandbook(edition, pdf, page_texts(pdf), bookmarks(pdf), printed, project))
    assert len(handbooks) >= 3, "every sample forum has a handbook: block"
    return handbooks
