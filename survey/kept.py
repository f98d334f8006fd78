"""What a process computes once and keeps: parsed definitions (a published questionnaire version, a
published PAR index definition), which never change once stored. Bounded (the least recently used
goes beyond `size`) and locked, for gunicorn's threads share it; the value is computed outside the
lock, so a slow parse holds up no other reader (two threads may parse the same one, once each).
"""
from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

Value = TypeVar("Value")


class KeptValues(Generic[Value]):
    """Values by key, at most `size` of them."""

    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict[Hashable, Value] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        """The value kept under `key`, computed by `compute` and kept when there is none."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        return self._keep(key, compute())

    def _keep(self, key: Hashable, value: Value) -> Value:
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value
