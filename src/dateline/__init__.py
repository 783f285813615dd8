"""dateline: news reports in, attributed records out."""

from dateline.model import SCHEMA_VERSION, Article, Record

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Article", "Record", "__version__"]
