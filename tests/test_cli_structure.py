"""The command-line modules depend only downward: no command module imports another's (even inside a
function), so each command group can grow on its own."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
CLI_MODULES = {
    "dateline.cli": "dateline/cli.py",
    "dateline.actors_cli": "dateline/actors_cli.py",
    "dateline.cli_options": "dateline/cli_options.py",
    "dateline.eval.cli": "dateline/eval/cli.py",
    "dateline.eval.events_cli": "dateline/eval/events_cli.py",
    "dateline.eval.realnews_cli": "dateline/eval/realnews_cli.py",
    "dateline.run_cli": "dateline/run_cli.py",
}


def imports_of(module: str) -> set[str]:
    """The CLI modules ``module`` imports, at the top or inside any function."""
    tree = ast.parse((SRC / CLI_MODULES[module]).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name for name in names if name in CLI_MODULES and name != module}
    return found


def test_the_cli_modules_import_each_other_in_no_circle() -> None:
    graph = {module: imports_of(module) for module in CLI_MODULES}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        assert module not in path, " -> ".join([*path, module])
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in CLI_MODULES:
        visit(module, [])


def test_the_shared_options_import_no_command_module() -> None:
    assert imports_of("dateline.cli_options") == set()
