"""spaCy pipeline components, one per module; importing this package registers their factories."""

from .dates import DatesComponent
from .organizations import OrganizationsComponent

__all__ = ["DatesComponent", "OrganizationsComponent"]
