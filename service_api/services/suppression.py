"""Small-cell suppression for published counts.

Primary: every cell below the threshold is hidden. Complementary: along every
line of the table (all dimensions but one held fixed) a hidden cell never
stands alone, because the line's total is published by the coarser report
and would give it away; the smallest visible cell of such a line is hidden
too, until no line has exactly one hidden cell. This is the standard
line-by-line heuristic, not a full linear-programming audit.
"""

from collections import defaultdict
from collections.abc import Hashable, Sequence

Cell = tuple[Hashable, ...]


def suppress(counts: dict[Cell, int], dimensions: int, threshold: int) -> set[Cell]:
    """The cells to hide."""
    hidden = {cell for cell, count in counts.items() if count < threshold}
    if not hidden:
        return hidden
    changed = True
    while changed:
        changed = False
        for axis in range(dimensions):
            for line in _lines(counts, axis):
                lonely = [cell for cell in line if cell in hidden]
                visible = [cell for cell in line if cell not in hidden]
                if len(lonely) == 1 and visible:
                    hidden.add(min(visible, key=lambda cell: (counts[cell], repr(cell))))
                    changed = True
    if len(hidden) == 1 and len(counts) > 1:  # the grand total is published too
        visible = [cell for cell in counts if cell not in hidden]
        hidden.add(min(visible, key=lambda cell: (counts[cell], repr(cell))))
    return hidden


def _lines(counts: dict[Cell, int], axis: int) -> Sequence[list[Cell]]:
    """Cells grouped by every coordinate except `axis`."""
    lines: dict[Cell, list[Cell]] = defaultdict(list)
    for cell in counts:
        lines[cell[:axis] + cell[axis + 1 :]].append(cell)
    return list(lines.values())
