"""spaCy pipeline components, one per module; importing this package registers their factories."""

from .dates import DatesComponent

__all__ = ["DatesComponent"]
