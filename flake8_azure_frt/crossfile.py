"""Text that reaches a request from other files of the project (local modules, prompt files). (Stub.)"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from .index import ModuleIndex
from .settings import Settings
from .values import Ctx

Reader = Callable[[cst.BaseExpression, Ctx], list[tuple[str, cst.CSTNode]]]
Remote = Callable[[str], list[tuple[str, cst.CSTNode]]]


class Project:
    def __init__(self, filename: str, settings: Settings) -> None:
        self.filename = filename
        self.settings = settings

    @classmethod
    def for_file(cls, filename: str, settings: Settings) -> Project:
        return cls(filename, settings)

    def reader(self, index: ModuleIndex) -> Reader | None:
        return None

    def remote(self, index: ModuleIndex) -> Remote | None:
        return None

    def origin_line(self, node: cst.CSTNode) -> int:
        return 0
