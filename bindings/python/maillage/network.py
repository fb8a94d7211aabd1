"""The network map in Python: :class:`Network` (immutable, backed by the C++ core) and
:class:`NetworkView` (a selection of it), with pandas tables keyed by actor id."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _core
from .holes import HolesMixin
from .communities import CommunitiesMixin
from .errors import InvalidArgumentError
from .measures import MeasuresMixin

if TYPE_CHECKING:
    import networkx as nx

    from .drawing import SVG

PathLike = str | os.PathLike[str]

ACTOR_COLUMNS = [
    "kind", "label", "role", "organisation", "profession", "sector", "status", "territory",
    "service_area", "domains", "needs", "member", "potential", "attributes", "extra",
]
TIE_COLUMNS = [
    "source", "target", "relation", "formality", "layer", "directed", "weight", "valence",
    "intensity", "id", "about", "consent", "convention", "trust", "value", "resources", "since",
    "last_activity", "attributes", "extra",
]


def _objects(texts: list[str | None]) -> list[dict[str, Any]]:
    return [json.loads(t) if t else {} for t in texts]


def _as_uint32(a: np.ndarray) -> np.ndarray:
    """Vertex numbers (checked non-negative and below 2^32 - 1) as uint32, without a copy when they
    already take 4 bytes (an int32 array is read in place)."""
    if a.dtype.itemsize == 4 and a.flags.c_contiguous:
        return a.view(np.uint32)
    return np.ascontiguousarray(a, dtype=np.uint32)


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


class Network(MeasuresMixin, HolesMixin, CommunitiesMixin):
    """An immutable network map: actors, ties, meetings and metadata.

    Read one with :func:`maillage.read`, build one from records with :meth:`from_dict`, or
    convert one with :func:`maillage.from_networkx`. ``len(net)`` is the number of actors;
    iterating gives the actor ids in map order.
    """

    __slots__ = ("_core", "_whole", "_snapshots", "_snapshot_lock", "_keep", "_id_index")

    def __init__(self, core: _core.Network | None = None) -> None:
        self._core = core if core is not None else _core.Network()
        self._whole: _core.View | None = None
        self._snapshots: dict[bool, _core.MeasureGraph] | None = None
        self._snapshot_lock = threading.Lock()
        self._keep: tuple[np.ndarray | None] | None = None
        self._id_index: pd.Index | None = None

    def _view_core(self) -> _core.View:
        if self._whole is None:
            self._whole = _core.View(self._core)
        return self._whole

    def _all_ids(self) -> list[str]:
        return self._core.actor_ids

    # -- construction -------------------------------------------------------------------
    @classmethod
    def read(cls, path: PathLike, format: str | None = None) -> Network:
        """Reads a map: a ``.json``, ``.graphml`` or ``.gexf`` file, a CSV folder or an HSDS data
        package (see :func:`maillage.read`)."""
        from .hsds import is_hsds, read_hsds

        if format == "hsds" or (not format and is_hsds(path)):
            return read_hsds(path)
        return cls(_core.read(Path(path), format or ""))

    @classmethod
    def from_json(cls, text: str, name: str = "<string>") -> Network:
        """Reads a map from JSON text; ``name`` stands for the file in error messages."""
        return cls(_core.read_json_string(text, name))

    @classmethod
    def from_edges(cls, sources: npt.ArrayLike, targets: npt.ArrayLike, *, n: int | None = None, directed: bool = False,
                   weights: npt.ArrayLike | None = None, ids: Sequence[str] | None = None) -> Network:
        """A network from edge arrays (numpy or any sequence of integers), without per-edge Python
        work: actor i is vertex i, with id ``str(i)`` unless ``ids`` gives one per vertex; every
        actor is an organisation, every tie of relation ``other``, directed or not as
        ``directed`` says, weighing ``weights[e]`` (default 1). ``n`` defaults to the largest
        vertex + 1 (isolates need it). Parallel edges stay distinct ties (measures merge them);
        a self-loop, a negative vertex or a weight that is not finite and positive is an
        :class:`~maillage.InvalidArgumentError` naming the edge."""
        s = np.asarray(sources)
        t = np.asarray(targets)
        for name, a in (("sources", s), ("targets", t)):
            if a.ndim != 1 or not (a.size == 0 or np.issubdtype(a.dtype, np.integer)):
                raise InvalidArgumentError(f"from_edges: {name} must be a one-dimensional array of integers, "
                                           f"got shape {a.shape} and dtype {a.dtype}")
            if a.size and a.min() < 0:
                raise InvalidArgumentError(f"from_edges: {name} has a negative vertex, at edge {int(np.argmin(a))}")
            if a.size and a.max() >= 2**32 - 1:
                raise InvalidArgumentError(f"from_edges: {name} has a vertex beyond 2^32 - 2, at edge {int(np.argmax(a))}")
        if s.size != t.size:
            raise InvalidArgumentError(f"from_edges: sources and targets must have the same length, got {s.size} and {t.size}")
        largest = int(max(s.max(), t.max())) + 1 if s.size else 0
        if n is None:
            n = len(ids) if ids is not None else largest
        if n < largest:
            raise InvalidArgumentError(f"from_edges: n must be at least the largest vertex + 1 ({largest}), got {n}")
        w = None if weights is None else np.ascontiguousarray(weights, dtype=np.float64)
        core = _core.network_from_edges(n, _as_uint32(s), _as_uint32(t), w, directed,
                                        [] if ids is None else [str(i) for i in ids])
        return cls(core)

    @classmethod
    def from_dict(cls, data: dict[str, Any], name: str = "<dict>") -> Network:
        """Builds a map from a dict shaped like the JSON map (``{"actors": [...], "ties": [...]}``)."""
        data = {"maillage": 1, **data}
        return cls.from_json(json.dumps(data, ensure_ascii=False, allow_nan=True), name)

    # -- export ---------------------------------------------------------------------------
    def to_json(self) -> str:
        """The JSON map text (docs/FORMAT.md)."""
        return _core.to_json_string(self._core)

    def to_dict(self) -> dict[str, Any]:
        """The map as a dict shaped like the JSON map."""
        return json.loads(self.to_json())

    def write(self, path: PathLike, format: str | None = None) -> None:
        """Writes the map atomically: a ``.json``, ``.graphml``, ``.gexf`` or ``.dot`` file, or a
        folder of CSV files (see :func:`maillage.write`)."""
        _core.write(self._core, Path(path), format or "")

    def to_networkx(self) -> nx.MultiGraph | nx.MultiDiGraph:
        """The map as a networkx multigraph (see :func:`maillage.interop.to_networkx`)."""
        from .interop import to_networkx

        return to_networkx(self)

    # -- contents ------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._core.actor_count

    def __iter__(self) -> Iterator[str]:
        return iter(self._core.actor_ids)

    def __contains__(self, actor_id: object) -> bool:
        return isinstance(actor_id, str) and self._core.find_actor(actor_id) is not None

    def __repr__(self) -> str:
        name = self.info.get("name")
        title = f" {name!r}" if name else ""
        return (f"<maillage.Network{title}: {self.actor_count} actors, {self.tie_count} ties, "
                f"{self.meeting_count} meetings>")

    @property
    def ids(self) -> list[str]:
        """Actor ids in map order (index i of every per-actor array is ids[i])."""
        return self._core.actor_ids

    @property
    def actor_count(self) -> int:
        return self._core.actor_count

    @property
    def tie_count(self) -> int:
        return self._core.tie_count

    @property
    def meeting_count(self) -> int:
        return self._core.meeting_count

    @property
    def actors(self) -> pd.DataFrame:
        """One row per actor, indexed by actor id; list fields as lists, ``attributes`` and
        ``extra`` (fields maillage does not know) as dicts."""
        columns = self._core.actor_columns()
        columns["attributes"] = _objects(columns["attributes"])
        columns["extra"] = _objects(columns["extra"])
        ids = columns.pop("id")
        frame = pd.DataFrame(columns, columns=ACTOR_COLUMNS, index=pd.Index(ids, name="id", dtype=object))
        return frame

    @property
    def ties(self) -> pd.DataFrame:
        """One row per tie (index: tie position in the map), with formality, layer and directed
        resolved to their defaults where the map left them out."""
        columns = self._core.tie_columns()
        columns["attributes"] = _objects(columns["attributes"])
        columns["extra"] = _objects(columns["extra"])
        return pd.DataFrame(columns, columns=TIE_COLUMNS,
                            index=pd.RangeIndex(self.tie_count, name="tie"))

    @property
    def meetings(self) -> list[dict[str, Any]]:
        """The network meetings as dicts shaped like the JSON map."""
        return self.to_dict().get("meetings", [])

    @property
    def info(self) -> dict[str, Any]:
        """The network metadata (name, legal status, coordination, financing...)."""
        return self.to_dict().get("network", {})

    @property
    def vocabulary(self) -> dict[str, dict[str, dict[str, str]]]:
        """Need domains and sectors known to this map (default ones and the map's own), with
        their fr, en and de labels."""
        terms = _core.default_vocabulary()
        own = self._core.own_vocabulary()
        for part in ("domains", "sectors"):
            terms[part].update(own[part])
        return terms

    def view(
        self,
        *,
        layer: str | None = None,
        relation: str | Sequence[str] | None = None,
        formality: str | None = None,
        member: bool | None = None,
        kind: str | Sequence[str] | None = None,
        organisation_level: bool = False,
    ) -> NetworkView:
        """A selection of the map, without copying it.

        ``layer`` ("primary"/"secondary"), ``relation`` and ``formality`` select ties; ``member``
        and ``kind`` select actors (a tie stays when both its ends stay);
        ``organisation_level=True`` collapses each professional onto its organisation.
        """
        core = _core.View(self._core, layer=layer, relations=_as_list(relation), formality=formality,
                          member=member, kinds=_as_list(kind), organisation_level=organisation_level)
        return NetworkView(self, core)

    def draw(self, kind: str = "map", actor: str | None = None, **options: Any) -> SVG:
        """A drawing of the map as SVG: ``kind="map"`` (the whole map), ``"ecomap"`` (``actor``: a
        person) or ``"partners"`` (``actor``: an organisation); see :func:`maillage.drawing.draw`."""
        from .drawing import draw

        return draw(self, kind, actor, **options)


class NetworkView(MeasuresMixin, HolesMixin, CommunitiesMixin):
    """A selection of a :class:`Network`'s actors and ties (see :meth:`Network.view`)."""

    __slots__ = ("network", "_core", "_snapshots", "_snapshot_lock", "_keep", "_id_index")

    def __init__(self, network: Network, core: _core.View) -> None:
        self.network = network
        self._core = core
        self._snapshots: dict[bool, _core.MeasureGraph] | None = None
        self._snapshot_lock = threading.Lock()
        self._keep: tuple[np.ndarray | None] | None = None
        self._id_index: pd.Index | None = None

    def _view_core(self) -> _core.View:
        return self._core

    def _all_ids(self) -> list[str]:
        return self.network.ids

    def __len__(self) -> int:
        return self._core.actor_count

    def __repr__(self) -> str:
        return f"<maillage.NetworkView: {self._core.actor_count} actors, {self._core.tie_count} ties>"

    @property
    def actor_count(self) -> int:
        return self._core.actor_count

    @property
    def tie_count(self) -> int:
        return self._core.tie_count

    @property
    def ids(self) -> list[str]:
        all_ids = self.network.ids
        return [all_ids[i] for i in self._core.actor_indices()]

    @property
    def actors(self) -> pd.DataFrame:
        return self.network.actors.iloc[self._core.actor_indices()]

    @property
    def ties(self) -> pd.DataFrame:
        """The kept ties; in an organisation-level view, ``source`` and ``target`` are the
        organisations the professionals were collapsed onto."""
        ties = self.network.ties.iloc[self._core.tie_indices()].copy()
        sources, targets = self._core.tie_endpoints()
        ids = self.network.ids
        ties["source"] = [ids[i] for i in sources]
        ties["target"] = [ids[i] for i in targets]
        return ties

    def to_networkx(self) -> nx.MultiGraph | nx.MultiDiGraph:
        from .interop import to_networkx

        return to_networkx(self)

    def draw(self, kind: str = "map", **options: Any) -> SVG:
        """The drawing of the view's actors and ties (``kind="map"``); see :func:`maillage.drawing.draw`."""
        from .drawing import draw

        return draw(self, kind, **options)
