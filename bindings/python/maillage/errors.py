"""Exceptions of maillage.

Every exception derives from :class:`MaillageError` and from the built-in exception a Python
caller would expect: a map that cannot be read is a :class:`ValueError`, an unknown actor id a
:class:`KeyError`, a file that cannot be opened an :class:`OSError`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in a map: the file, the place in it and what is wrong."""

    file: str
    place: str
    message: str

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.place) if p]
        return ": ".join([*parts, self.message])


class MaillageError(Exception):
    """Base class of every maillage exception."""


class MapError(MaillageError, ValueError):
    """A map that cannot be read. ``problems`` lists every problem found, each with its place."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = list(problems or [])

    @property
    def place(self) -> str:
        """The place of the first problem (a JSON path, ``file.csv:LINE`` or ``LINE:COLUMN``)."""
        return self.problems[0].place if self.problems else ""


class UnknownIdError(MaillageError, KeyError):
    """An actor, tie or meeting id that the network does not hold."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class MapFileError(MaillageError, OSError):
    """A file or folder that cannot be read or written."""


class InvalidArgumentError(MaillageError, ValueError):
    """A bad argument to a maillage function; the message names the parameter and the value."""


class ConvergenceError(MaillageError, RuntimeError):
    """An iterative measure (PageRank, eigenvector, Katz) that did not converge within its
    iterations; ``iterations`` says how many ran. Raise ``max_iter`` or loosen ``tol``."""

    def __init__(self, message: str, iterations: int = 0) -> None:
        super().__init__(message)
        self.iterations = iterations
