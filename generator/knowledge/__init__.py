"""The knowledge stage: the KnowledgeBase built from validated records, with every domain query asked of it."""

from generator.knowledge.base import Backlink, KnowledgeBase, load_knowledge, newest_content_date
from generator.model.record import Record

__all__ = ["Backlink", "KnowledgeBase", "Record", "load_knowledge", "newest_content_date"]
