"""The knowledge stage: the KnowledgeBase built from validated records, with every domain query asked of it."""

from generator.knowledge.base import Backlink, KnowledgeBase, group_by_phase, newest_content_date
from generator.knowledge.build import load_knowledge
from generator.model.record import Record

__all__ = ["Backlink", "KnowledgeBase", "Record", "group_by_phase", "load_knowledge", "newest_content_date"]
