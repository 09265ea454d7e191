"""BENCHMARKS.md's pieces: the targets and the Markdown tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Check:
    """A target: ``value`` must be at least ``goal`` (at most, with ``at_most``)."""

    label: str
    value: float
    goal: float
    at_most: bool = False

    @property
    def met(self) -> bool:
        """Whether the measured value reaches the goal."""
        return self.value <= self.goal if self.at_most else self.value >= self.goal


def targets_table(checks: list[Check]) -> list[str]:
    """Every target, measured, with yes or NO."""
    lines = ["| target | measured | goal | met |", "| --- | ---: | ---: | --- |"]
    for check in checks:
        met = "yes" if check.met else "NO"
        lines.append(f"| {check.label} | {check.value:.2f} | {check.goal:.2f} | {met} |")
    return lines


def markdown_table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    """A Markdown table; the first ``left`` columns are text, the others numbers."""
    aligns = ["---" if n < left else "---:" for n in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table cell."""
    return f"{seconds * 1000:.1f} ms"


def yes_no(met: bool) -> str:
    """A table's 'met' cell."""
    return "yes" if met else "NO"


def worst(label: str, values: dict[str, float], goal: float, at_most: bool = False) -> Check:
    """One target over several URLs: the worst of them decides, named in the label."""
    if not values:
        return Check(f"{label} (nothing measured)", float("nan"), goal, at_most)
    name = (max if at_most else min)(values, key=values.get)
    met = sum(1 for v in values.values() if (v <= goal if at_most else v >= goal))
    return Check(
        f"{label} (worst: {name}; {met} of {len(values)} met)", values[name], goal, at_most
    )
