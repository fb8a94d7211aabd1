"""The base of the measure mixins (:mod:`.measures`, :mod:`.holes`, :mod:`.communities`): what they
need of :class:`~maillage.Network` and :class:`~maillage.NetworkView`, declared once."""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import _core


class ViewBacked(abc.ABC):
    """An object whose actors and ties are a C++ view of a network."""

    __slots__ = ()

    @abc.abstractmethod
    def _view_core(self) -> _core.View:
        """The C++ view that the measures run on."""

    @abc.abstractmethod
    def _all_ids(self) -> list[str]:
        """The ids of every actor of the underlying network, by actor index."""
