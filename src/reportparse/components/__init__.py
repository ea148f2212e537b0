"""spaCy pipeline components, one per module; importing this package registers their factories."""

from .counts import CountsComponent
from .dates import DatesComponent
from .organizations import OrganizationsComponent
from .references import ReferencesComponent

__all__ = ["CountsComponent", "DatesComponent", "OrganizationsComponent", "ReferencesComponent"]
