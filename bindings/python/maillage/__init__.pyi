# Names that maillage/__init__.py provides lazily (through __getattr__), for type checkers.
from .analysis import Coverage as Coverage
from .analysis import Finding as Finding
from .analysis import Findings as Findings
from .analysis import Plan as Plan
from .analysis import coverage as coverage
from .analysis import gaps as gaps
from .analysis import plan as plan
from .errors import ConvergenceError as ConvergenceError
from .errors import InvalidArgumentError as InvalidArgumentError
from .errors import MaillageError as MaillageError
from .errors import MapError as MapError
from .errors import MapFileError as MapFileError
from .errors import Problem as Problem
from .errors import UnknownIdError as UnknownIdError
from .interop import from_networkx as from_networkx
from .interop import to_networkx as to_networkx
from .io import FORMATS as FORMATS
from .io import example as example
from .io import example_names as example_names
from .io import example_path as example_path
from .io import read as read
from .io import schema as schema
from .io import validate as validate
from .io import write as write
from .hsds import read_hsds as read_hsds
from .meetings import Meetings as Meetings
from .meetings import MeetingsAudit as MeetingsAudit
from .meetings import meetings as meetings
from .minutes import minutes as minutes
from .network import Network as Network
from .network import NetworkView as NetworkView

__version__: str

def default_vocabulary() -> dict[str, dict[str, dict[str, str]]]: ...
from .reports import report as report
from .batching import batch as batch
from .holes import Brokerage as Brokerage
from .holes import Ego as Ego
from . import drawing as drawing
from . import plot as plot
