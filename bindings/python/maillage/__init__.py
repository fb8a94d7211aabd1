"""maillage — analysing networks of social-work actors.

The family and friends around a service user (the primary network) and the services and
professionals that work together for them (the secondary network), tied formally or informally.

>>> import maillage
>>> net = maillage.example("ecocarte_usager")
>>> net.actors.loc[net.actors["role"] == "user"].index.tolist()  # doctest: +SKIP
"""

from __future__ import annotations

from . import _core
from .analysis import Coverage, Finding, Findings, Plan, coverage, gaps, plan
from .errors import ConvergenceError, InvalidArgumentError, MaillageError, MapError, MapFileError, Problem, UnknownIdError
from .io import FORMATS, example, example_names, example_path, read, schema, validate, write
from .hsds import read_hsds
from .meetings import Meetings, MeetingsAudit, meetings
from .minutes import minutes
from .holes import Brokerage, Ego
from .network import Network, NetworkView

__version__: str = _core.__version__


def __getattr__(name: str) -> object:
    # networkx, jinja2 and matplotlib are imported on first use only: most work never needs them.
    if name in ("from_networkx", "to_networkx"):
        from . import interop

        return getattr(interop, name)
    if name == "report":
        from .reports import report

        return report
    if name == "batch":
        from .batching import batch

        return batch
    if name in ("plot", "drawing"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'maillage' has no attribute {name!r}")


def default_vocabulary() -> dict[str, dict[str, dict[str, str]]]:
    """The default need domains and sectors, each with its fr, en and de labels."""
    return _core.default_vocabulary()


__all__ = [
    "FORMATS",
    "ConvergenceError",
    "Coverage",
    "Finding",
    "Findings",
    "InvalidArgumentError",
    "MaillageError",
    "MapError",
    "MapFileError",
    "Meetings",
    "MeetingsAudit",
    "Network",
    "Plan",
    "NetworkView",
    "Problem",
    "UnknownIdError",
    "__version__",
    "batch",
    "coverage",
    "default_vocabulary",
    "example",
    "example_names",
    "example_path",
    "from_networkx",
    "gaps",
    "plan",
    "meetings",
    "minutes",
    "read",
    "read_hsds",
    "report",
    "schema",
    "to_networkx",
    "Brokerage",
    "Ego",
    "validate",
    "write",
]
