"""Robustness under uncertain weights: how often each option ranks first, second, … (Monte Carlo).

Weights are drawn uniformly over all weightings of the enabled criteria (a flat Dirichlet), or
uniformly within ± a number of percentage points of the current shares (then rescaled to sum to
100 %). Everything is vectorised: totals for a chunk of samples are one matrix product, and chunks keep the
memory bounded however many samples are asked for (drawn from one stream: the same draws as all at once).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .scoring import TIE_DECIMALS, Evaluation

CHUNK = 65_536  # samples drawn and ranked at a time (at 30 options and 60 criteria ~100 MB of arrays)


@dataclass(frozen=True)
class RankFrequencies:
    """`shares[i, k]`: the fraction of samples in which option i ranks k + 1 (ties share the better rank)."""

    option_ids: tuple[str, ...]
    shares: np.ndarray
    samples: int
    seed: int
    spread: float | None

    def first(self, option_id: str) -> float:
        return float(self.shares[self.option_ids.index(option_id), 0])


def value_matrix(evaluation: Evaluation) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray, np.ndarray]:
    """(option ids, criterion ids, values options × criteria, current shares)."""
    criteria = tuple(evaluation.shares)
    options = tuple(r.option_id for r in evaluation.results)
    values = np.array([[r.cell(c).value for c in criteria] for r in evaluation.results], dtype=float)
    shares = np.array([evaluation.shares[c] for c in criteria], dtype=float)
    return options, criteria, values.reshape(len(options), len(criteria)), shares


def sample_weights(shares: np.ndarray, samples: int, seed: int, spread: float | None = None) -> np.ndarray:
    """samples × criteria weight shares, each row summing to 1.

    `spread` None: uniform over the simplex. Otherwise each share is drawn uniformly within
    ± spread percentage points of its current value (clipped at 0), then the row is rescaled.
    """
    return _draw_weights(np.random.default_rng(seed), shares, samples, spread)


def weight_chunks(shares: np.ndarray, samples: int, seed: int, spread: float | None = None,
                  chunk: int = CHUNK) -> Iterator[np.ndarray]:
    """The rows of sample_weights, at most `chunk` at a time: the same rows, in the same order."""
    rng = np.random.default_rng(seed)
    for start in range(0, samples, chunk):
        yield _draw_weights(rng, shares, min(chunk, samples - start), spread)


def _draw_weights(rng: np.random.Generator, shares: np.ndarray, samples: int, spread: float | None) -> np.ndarray:
    m = shares.size
    if spread is None:
        return rng.dirichlet(np.ones(m), size=samples)
    half = spread / 100.0
    low = np.clip(shares - half, 0.0, None)
    high = shares + half
    weights = rng.uniform(low, high, size=(samples, m))
    sums = weights.sum(axis=1, keepdims=True)
    zero = sums[:, 0] <= 0
    weights[zero] = shares
    sums[zero] = 1.0
    result: np.ndarray = weights / sums
    return result


def ranks(totals: np.ndarray) -> np.ndarray:
    """samples × options competition ranks (1 = best; equal totals share the better rank)."""
    keys = np.round(totals, TIE_DECIMALS)  # the tie rule of the ordinary ranking (scoring.tie_key)
    better = keys[:, None, :] > keys[:, :, None]
    result: np.ndarray = 1 + better.sum(axis=2)
    return result


def rank_frequencies(evaluation: Evaluation, samples: int = 10_000, seed: int = 2018,
                     spread: float | None = None) -> RankFrequencies:
    """How often each option ranks first, second, … over `samples` weightings, drawn and ranked a chunk at a time."""
    options, _criteria, values, shares = value_matrix(evaluation)
    n = len(options)
    counts = np.zeros((n, n))
    for weights in weight_chunks(shares, samples, seed, spread):
        sample_ranks = ranks(weights @ values.T)
        for k in range(n):
            counts[:, k] += (sample_ranks == k + 1).sum(axis=0)
    return RankFrequencies(options, counts / samples, samples, seed, spread)
