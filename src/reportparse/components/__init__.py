"""spaCy pipeline components, one per module; importing this package registers their factories."""

from reportparse.components.counts import CountsComponent
from reportparse.components.dates import DatesComponent
from reportparse.components.organizations import OrganizationsComponent
from reportparse.components.references import ReferencesComponent
from reportparse.components.sections import SectionsComponent

__all__ = ["CountsComponent", "DatesComponent", "OrganizationsComponent", "ReferencesComponent", "SectionsComponent"]
