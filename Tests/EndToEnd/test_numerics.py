"""Numerics agreement: Beamtime's `np` against real numpy, on generated data.

Every test method builds a hundred to two thousand cases from a fixed-seed numpy Generator: inputs
(arrays of 0 to 4 dimensions, empty and one-element arrays, NaN and infinities), an
expression over them and, for assignments, statements run before it. The cases become ONE
cell-language program, run with `beamtime exec -`; each case runs in its own function under
try/except and prints one line `[id, result]`, where result is

    ['A', dtype, shape, tolist]   an array
    ['S', 'float'|'int'|'bool'|'str', value]   a scalar (or string)
    ['T'|'L', [results...]]       a tuple or a list
    ['E', exception type, message]

The same expression is evaluated with real numpy and the two are compared: kind, shape,
dtype (numpy's float* is 'float64', its int*/uint* 'int64', bool 'bool'), the Python type of
every element, values to 1e-12 relative (cases that sum or cancel carry an absolute
tolerance scaled by their inputs; integers, booleans, indexing, sorting and the random
streams are exact), NaN positions, and for errors the exception type (numpy's AxisError
may be answered with ValueError or IndexError, its UFuncTypeError with TypeError). Where
numpy answers in float16 (boolean inputs to float functions) it is asked again with the
booleans as float64. A process that dies mid-program has the case it died in reported and
the rest re-run. Run with Tests/EndToEnd/run [BINARY] numerics.

Documented differences are not tested: integers beyond 2**53, the new-style random API,
n-d gradient, dot/matmul above 2-D, and reductions returning Python scalars (numpy scalars
and Python scalars compare equal here).
"""
import math
import os
import re
import subprocess
import time
import unittest
import warnings

import numpy

BINARY = os.environ["BEAMTIME_BINARY"]

NAN = float("nan")
INF = float("inf")
RTOL = 1e-12
MAX_REPORTED = 60

# ---------------------------------------------------------------------------------------
# Cases and the program that runs them
# ---------------------------------------------------------------------------------------

# Writing to stderr flushes stdout (sys.stdout.flush() does not), so a crash loses no result.
PRELUDE = """\
import sys
nan = float('nan')
inf = float('inf')
def _norm(r):
    if isinstance(r, np.ndarray):
        return ['A', str(r.dtype), list(r.shape), r.tolist()]
    if isinstance(r, bool):
        return ['S', 'bool', r]
    if isinstance(r, int):
        return ['S', 'int', r]
    if isinstance(r, float):
        return ['S', 'float', r]
    if isinstance(r, str):
        return ['S', 'str', r]
    if isinstance(r, tuple):
        return ['T', [_norm(x) for x in r]]
    if isinstance(r, list):
        return ['L', [_norm(x) for x in r]]
    if r is None:
        return ['N']
    return ['O', type(r).__name__, repr(r)]
def _run(i, f):
    try:
        r = _norm(f())
    except Exception as e:
        r = ['E', type(e).__name__, str(e)]
    print(repr([i, r]))
    sys.stderr.write('')
"""


class Case:
    """One expression over named inputs, with the statements that run before it."""

    def __init__(self, cid, expr, inputs, setup="", np_expr=None, np_setup=None,
                 rtol=RTOL, atol=0.0, exact=False):
        self.id = cid
        self.expr = expr
        self.inputs = inputs
        self.setup = setup.strip("\n")
        self.np_expr = np_expr
        self.np_setup = np_setup
        self.rtol = rtol
        self.atol = atol
        self.exact = exact

    def source(self):
        lines = [f"def _c{self.id}():"]
        for name, value in self.inputs.items():
            lines.append(f"    {name} = {literal(value)}")
        for line in self.setup.splitlines():
            lines.append("    " + line)
        lines.append(f"    return {self.expr}")
        lines.append(f"_run({self.id}, _c{self.id})")
        return "\n".join(lines) + "\n"

    def describe(self):
        text = []
        for name, value in self.inputs.items():
            shape = f"  # shape {value.shape}" if isinstance(value, numpy.ndarray) else ""
            text.append(f"{name} = {truncate(literal(value), 300)}{shape}")
        text.extend(self.setup.splitlines())
        text.append(f"r = {self.expr}")
        if self.np_expr or self.np_setup:
            text.append(f"# numpy side: {self.np_setup or ''} {self.np_expr or ''}".rstrip())
        return "\n".join(text)


def literal(value):
    """The cell-language source of an input (`nan` and `inf` are names the prelude binds)."""
    if isinstance(value, numpy.ndarray):
        dtype = {"f": "float", "i": "int", "u": "int", "b": "bool"}[value.dtype.kind]
        if value.ndim == 0:
            return f"np.array({repr(value.item())}, dtype={dtype})"
        if value.size == 0:
            return f"np.zeros({tuple(value.shape)!r}, dtype={dtype})"
        return f"np.array({repr(value.tolist())}, dtype={dtype})"
    if isinstance(value, numpy.generic):
        return repr(value.item())
    return repr(value)


def truncate(text, limit):
    text = str(text)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


class Cases(list):
    """The cases of one test method, numbered in order."""

    def add(self, expr, setup="", np_expr=None, np_setup=None, rtol=RTOL, atol=0.0, exact=False, **inputs):
        self.append(Case(len(self), expr, inputs, setup, np_expr, np_setup, rtol, atol, exact))


def _parse_line(line):
    try:
        value = eval(line, {"__builtins__": {}, "nan": NAN, "inf": INF})
    except Exception:
        return None
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
        return value
    return None


def crash_summary(stderr):
    """The fatal error and the innermost Beamtime frame of a crash report (or the error text)."""
    lines = [l.strip() for l in stderr.splitlines() if l.strip()]
    fatal = [l for l in lines if "Fatal error" in l or "Error" in l and not l.startswith("***")][:2]
    frames = [re.sub(r"^\d+\s+(\[ra\]\s+)?(\[thunk\]\s+)?0x[0-9a-f]+\s+", "", l) for l in lines
              if re.search(r" at /.*/Sources/", l) and "_assertionFailure" not in l][:2]
    text = " | ".join(fatal + frames) or " | ".join(lines[:4])
    return truncate(text, 600)


def run_beamtime(cases):
    """Beamtime's result for every case: one process, re-started after the case it died in."""
    results = {}
    pending = list(cases)
    restarts = 0
    while pending:
        program = PRELUDE
        first_line = {}
        for case in pending:
            first_line[case.id] = program.count("\n") + 1
            program += case.source()
        try:
            proc = subprocess.run([BINARY, "exec", "-"], input=program.encode(), capture_output=True,
                                  timeout=300, env={**os.environ})
            out, err, status = proc.stdout, proc.stderr, proc.returncode
        except subprocess.TimeoutExpired as e:
            out, err, status = e.stdout or b"", e.stderr or b"", "timeout after 300 s"
        out, err = out.decode(errors="replace"), err.decode(errors="replace")
        for line in out.splitlines():
            parsed = _parse_line(line)
            if parsed is not None and parsed[0] not in results:
                results[parsed[0]] = parsed[1]
        remaining = [c for c in pending if c.id not in results]
        if not remaining:
            break
        # The program stopped before the end: a syntax error (which names its line) or a
        # crash in the first case without output.
        culprit = remaining[0]
        m = re.search(r'File "<stdin>", line (\d+)', err)
        if m and status == 2:
            line = int(m.group(1))
            owners = [c for c in pending if first_line[c.id] <= line]
            if owners:
                culprit = owners[-1]
        detail = crash_summary(err)
        results[culprit.id] = ["X", f"beamtime exited ({status}) in this case: {detail}"]
        pending = [c for c in remaining if c.id != culprit.id]
        restarts += 1
        if restarts > 40:
            for c in pending:
                results[c.id] = ["X", "not run: too many crashes before it"]
            break
    return results


# ---------------------------------------------------------------------------------------
# numpy's side
# ---------------------------------------------------------------------------------------

def _dtype_name(dtype):
    if dtype.kind == "f":
        return "float64" if dtype.itemsize == 8 else f"reduced-precision {dtype}"
    if dtype.kind in "iu":
        return "int64"
    if dtype.kind == "b":
        return "bool"
    return f"unsupported {dtype}"


def np_norm(r):
    if isinstance(r, numpy.ndarray):
        return ["A", _dtype_name(r.dtype), list(r.shape), r.tolist()]
    if isinstance(r, (bool, numpy.bool_)):
        return ["S", "bool", bool(r)]
    if isinstance(r, (int, numpy.integer)):
        return ["S", "int", int(r)]
    if isinstance(r, (float, numpy.floating)):
        if isinstance(r, numpy.floating) and r.dtype.itemsize != 8:
            return ["S", f"reduced-precision {r.dtype}", float(r)]
        return ["S", "float", float(r)]
    if isinstance(r, str):
        return ["S", "str", r]
    if isinstance(r, tuple):
        return ["T", [np_norm(x) for x in r]]
    if isinstance(r, list):
        return ["L", [np_norm(x) for x in r]]
    if r is None:
        return ["N"]
    return ["O", type(r).__name__, repr(r)]


def _reduced(norm):
    if norm[0] in ("A", "S"):
        return norm[1].startswith("reduced")
    if norm[0] in ("T", "L"):
        return any(_reduced(x) for x in norm[1])
    return False


def _evaluate(case, cast_bools):
    namespace = {"np": numpy, "nan": NAN, "inf": INF, "math": math}
    for name, value in case.inputs.items():
        if isinstance(value, numpy.ndarray):
            value = value.copy()
            if cast_bools and value.dtype == bool:
                value = value.astype(numpy.float64)
        namespace[name] = value
    try:
        with warnings.catch_warnings(), numpy.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            setup = case.np_setup if case.np_setup is not None else case.setup
            if setup:
                exec(setup, namespace)
            r = eval(case.np_expr or case.expr, namespace)
            return np_norm(r)
    except Exception as e:
        accepted = [k.__name__ for k in type(e).__mro__ if k not in (Exception, BaseException, object)]
        return ["E", type(e).__name__, str(e), accepted]


def run_numpy(case):
    """numpy's result. Where numpy answers in float16 (boolean inputs to a float function),
    it is asked again with the booleans as float64, the precision Beamtime computes in."""
    r = _evaluate(case, cast_bools=False)
    if _reduced(r):
        r = _evaluate(case, cast_bools=True)
    return r


# ---------------------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------------------

def _leaves(value):
    if isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def _same_value(x, y, case):
    if type(x) is not type(y):
        return f"element type {type(x).__name__} vs {type(y).__name__}"
    if isinstance(x, float):
        if math.isnan(x) or math.isnan(y):
            return None if math.isnan(x) and math.isnan(y) else "NaN position"
        if math.isinf(x) or math.isinf(y) or case.exact:
            return None if x == y else "value"
        return None if abs(x - y) <= case.atol + 1e-300 + case.rtol * max(abs(x), abs(y)) else "value"
    return None if x == y else "value"


def compare(expected, got, case, where="result"):
    """None when Beamtime's result agrees with numpy's, else why not."""
    if expected[0] == "E":
        if got[0] == "E":
            if got[1] in expected[3]:
                return None
            return f"{where}: numpy raises {expected[1]}, Beamtime raises {got[1]}"
        return f"{where}: numpy raises {expected[1]}({truncate(expected[2], 120)}), Beamtime returns a value"
    if got[0] == "X":
        return f"{where}: {got[1]}"
    if got[0] == "E":
        return f"{where}: Beamtime raises {got[1]}({truncate(got[2], 160)}), numpy returns a value"
    kinds = {"A": "array", "S": "scalar", "T": "tuple", "L": "list", "N": "None", "O": "object"}
    if expected[0] != got[0]:
        return f"{where}: numpy returns a {kinds.get(expected[0])}, Beamtime a {kinds.get(got[0], got[0])}"
    if expected[0] in ("T", "L"):
        if len(expected[1]) != len(got[1]):
            return f"{where}: length {len(expected[1])} vs {len(got[1])}"
        for i, (e, g) in enumerate(zip(expected[1], got[1])):
            why = compare(e, g, case, f"{where}[{i}]")
            if why:
                return why
        return None
    if expected[0] == "N":
        return None
    if expected[0] == "O":
        return f"{where}: cannot compare {expected[1]} objects"
    if expected[0] == "S":
        if expected[1] != got[1]:
            return f"{where}: scalar type {expected[1]} vs {got[1]}"
        why = _same_value(expected[2], got[2], case)
        return f"{where}: {why}: numpy {expected[2]!r}, Beamtime {got[2]!r}" if why else None
    # arrays
    if expected[2] != got[2]:
        return f"{where}: shape {tuple(expected[2])} vs {tuple(got[2])}"
    if expected[1] != got[1]:
        return f"{where}: dtype {expected[1]} vs {got[1]}"
    e_leaves, g_leaves = list(_leaves(expected[3])), list(_leaves(got[3]))
    if len(e_leaves) != len(g_leaves):
        return f"{where}: tolist() has {len(g_leaves)} elements, expected {len(e_leaves)}"
    for flat, (x, y) in enumerate(zip(e_leaves, g_leaves)):
        why = _same_value(x, y, case)
        if why:
            index = numpy.unravel_index(flat, expected[2]) if expected[2] else ()
            return f"{where}: {why} at {tuple(int(i) for i in index)}: numpy {x!r}, Beamtime {y!r}"
    return None


def show(result):
    if result[0] == "A":
        return truncate(f"array dtype={result[1]} shape={tuple(result[2])} {result[3]!r}", 500)
    if result[0] == "S":
        return f"{result[1]} {result[2]!r}"
    if result[0] in ("T", "L"):
        kind = "tuple" if result[0] == "T" else "list"
        return truncate(f"{kind}(" + ", ".join(show(x) for x in result[1]) + ")", 700)
    if result[0] == "E":
        return f"raises {result[1]}: {truncate(result[2], 200)}"
    if result[0] == "X":
        return result[1]
    return repr(result)


class NumericsTestCase(unittest.TestCase):
    maxDiff = None

    def check(self, cases):
        started = time.monotonic()
        got = run_beamtime(cases)
        failures = []
        for case in cases:
            expected = run_numpy(case)
            if expected[0] in ("A", "S") and expected[1].startswith(("reduced", "unsupported")):
                failures.append((case, expected, got[case.id], f"harness: numpy answers in {expected[1]}"))
                continue
            why = compare(expected, got[case.id], case)
            if why:
                failures.append((case, expected, got[case.id], why))
        elapsed = time.monotonic() - started
        if failures:
            lines = [f"{len(failures)} of {len(cases)} cases disagree with numpy ({elapsed:.1f} s):"]
            for case, expected, result, why in failures[:MAX_REPORTED]:
                lines.append(f"--- case {case.id}: {why}")
                lines.append("    " + case.describe().replace("\n", "\n    "))
                lines.append(f"    numpy:    {show(expected)}")
                lines.append(f"    beamtime: {show(result)}")
            if len(failures) > MAX_REPORTED:
                lines.append(f"... and {len(failures) - MAX_REPORTED} more")
            self.fail("\n".join(lines))


# ---------------------------------------------------------------------------------------
# Generated inputs
# ---------------------------------------------------------------------------------------

SPECIALS = [NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-310, 1e300, -1e300]
MILD_SPECIALS = [NAN, INF, -INF, 0.0, -0.0, 1.0, -1.0, 0.5, 1e-310]


def rshape(rng, min_ndim=0, max_ndim=4, empty=True):
    ndim = int(rng.integers(min_ndim, max_ndim + 1))
    sizes = [0, 1, 2, 3, 4] if empty else [1, 2, 3, 4]
    weights = numpy.array([0.08, 0.22, 0.25, 0.25, 0.2] if empty else [0.22, 0.28, 0.28, 0.22])
    return tuple(int(rng.choice(sizes, p=weights / weights.sum())) for _ in range(ndim))


def floats(rng, shape=(), scale=3.0, special=0.15, specials=SPECIALS, low=None, high=None):
    if low is not None:
        x = rng.uniform(low, high, size=shape)
    else:
        x = rng.normal(0.0, scale, size=shape)
    x = numpy.asarray(x, dtype=numpy.float64)
    if special and x.size:
        mask = rng.random(x.shape) < special
        x[mask] = rng.choice(specials, size=int(mask.sum()))
    return x


def ints(rng, shape=(), low=-9, high=10):
    return numpy.asarray(rng.integers(low, high, size=shape), dtype=numpy.int64)


def bools(rng, shape=()):
    return numpy.asarray(rng.random(shape) < 0.5)


def make(rng, kind, shape, **kw):
    if kind == "f":
        return floats(rng, shape, **kw)
    if kind == "i":
        return ints(rng, shape)
    if kind == "b":
        return bools(rng, shape)
    raise ValueError(kind)


def kind_of(a):
    return {"f": "f", "i": "i", "u": "i", "b": "b"}[numpy.asarray(a).dtype.kind]


def abs_scale(*arrays):
    """The sum of the magnitudes of the finite inputs (for tolerances of sums)."""
    total = 0.0
    for a in arrays:
        a = numpy.asarray(a, dtype=numpy.float64)
        finite = a[numpy.isfinite(a)]
        total += float(numpy.abs(finite).sum()) if finite.size else 0.0
    return total


# ---------------------------------------------------------------------------------------
# The areas
# ---------------------------------------------------------------------------------------

UNARY = ["sqrt", "exp", "expm1", "exp2", "log", "log10", "log2", "log1p", "sin", "cos", "tan",
         "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
         "degrees", "radians", "deg2rad", "rad2deg", "abs", "absolute", "negative", "positive",
         "sign", "square", "reciprocal", "floor", "ceil", "trunc", "rint", "isnan", "isfinite",
         "isinf", "logical_not", "invert"]

BINARY_UFUNCS = ["add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder",
                 "mod", "power", "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "copysign",
                 "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and",
                 "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor"]

OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<", "<=", ">", ">=", "==", "!="]


def unary_input(rng, name, shape):
    if name in ("arcsin", "arccos", "arctanh"):
        return floats(rng, shape, low=-1.2, high=1.2, special=0.1)
    if name == "arccosh":
        return floats(rng, shape, low=0.5, high=6.0, special=0.1)
    if name in ("log", "log10", "log2", "log1p", "sqrt"):
        return floats(rng, shape, low=-2.0, high=50.0, special=0.15)
    if name in ("exp", "expm1", "exp2", "sinh", "cosh"):
        return floats(rng, shape, scale=30.0, special=0.1,
                      specials=[NAN, INF, -INF, 0.0, -0.0, 800.0, -800.0, 1e-12, 1100.0])
    if name in ("floor", "ceil", "trunc", "rint"):
        x = floats(rng, shape, scale=4.0)
        if x.size:
            half = rng.random(x.shape) < 0.4
            x[half] = rng.integers(-6, 7, size=int(half.sum())) + 0.5
        return x
    return floats(rng, shape)


def binary_inputs(rng, name, kind_a, kind_b, shape_a, shape_b):
    """Inputs for a binary ufunc; kinds f/i/b for arrays, F/I for Python scalars."""
    def one(kind, shape, second):
        if kind == "F":
            return float(floats(rng, (), special=0.2, specials=[0.0, -0.0, 2.0, 0.5, -3.0, NAN, INF]))
        if kind == "I":
            return int(rng.integers(-5, 6)) if name != "power" or not second else int(rng.integers(0, 5))
        if name == "power":
            if kind == "f":
                return floats(rng, shape, low=-3.0, high=3.0, special=0.15,
                              specials=[0.0, -0.0, 1.0, -1.0, 0.5, NAN, INF, -INF])
            if kind == "i":
                return ints(rng, shape, 0, 6) if second else ints(rng, shape, -5, 6)
        if name in ("floor_divide", "remainder", "mod", "divide", "true_divide") and kind == "f":
            x = floats(rng, shape, scale=3.0, special=0.2,
                       specials=[0.0, -0.0, 0.1, 0.7, -0.7, 1.0, NAN, INF, -INF, 1e-310])
            return x
        if name in ("floor_divide", "remainder", "mod") and kind == "i":
            return ints(rng, shape, -7, 8)
        return make(rng, kind, shape)
    return one(kind_a, shape_a, False), one(kind_b, shape_b, True)


BROADCAST_PAIRS = [((3, 1), (4,)), ((2, 3, 4), (4,)), ((), (2, 3)), ((5,), (5,)), ((0,), (1,)),
                   ((1,), (0,)), ((2, 1, 3), (4, 1)), ((0, 3), (3,)), ((1, 1), (1,)), ((4,), (3, 1)),
                   ((2, 1, 1, 3), (1, 4, 1)), ((1,), ())]
DTYPE_PAIRS = [("f", "f"), ("i", "i"), ("i", "f"), ("f", "i"), ("b", "b"), ("b", "i"), ("f", "F"),
               ("i", "I"), ("I", "i"), ("F", "i"), ("i", "F"), ("b", "f"), ("f", "b"), ("b", "I")]


def compatible_shape(rng, shape):
    """A random shape that broadcasts with `shape` (a trailing part, some axes 1, sometimes
    with a leading axis more, which widens the broadcast result)."""
    keep = int(rng.integers(0, len(shape) + 1))
    tail = list(shape[len(shape) - keep:])
    for i in range(len(tail)):
        if rng.random() < 0.3:
            tail[i] = 1
    if rng.random() < 0.2:
        tail = ([int(rng.integers(1, 3))] if len(tail) == len(shape) else [1]) + tail
    return tuple(tail)


def random_index(rng, shape, allow_errors=True):
    """An index expression (the text between the brackets) for an array of `shape`: ints,
    slices, lists, integer and boolean arrays, None and ..., mostly valid."""
    nd = len(shape)
    m = int(rng.integers(0, nd + 1))
    if allow_errors and rng.random() < 0.06:
        m = nd + 1
    use_ellipsis = rng.random() < 0.25 and nd > 0
    split = int(rng.integers(0, m + 1)) if use_ellipsis else m
    dims = list(shape[:split]) + list(shape[nd - (m - split):] if m > split else [])
    dims += [1] * (m - len(dims))
    items = []
    for d in dims:
        kind = str(rng.choice(["int", "int", "slice", "slice", "slice", "list", "arr", "mask"]))
        if kind == "int":
            if d == 0:
                items.append("0" if allow_errors and rng.random() < 0.5 else ":")
                continue
            low, high = (-d - 1, d + 1) if allow_errors and rng.random() < 0.15 else (-d, d)
            items.append(str(int(rng.integers(low, high))))
        elif kind == "slice":
            def bound():
                return "" if rng.random() < 0.35 else str(int(rng.integers(-d - 2, d + 3)))
            step = str(rng.choice(["", "", "1", "2", "-1", "-2", "3", "-3"]))
            items.append(f"{bound()}:{bound()}" + (f":{step}" if step else ""))
        elif kind in ("list", "arr"):
            length = int(rng.integers(1, 4))
            if d == 0:
                values = []
            else:
                low, high = (-d - 1, d + 1) if allow_errors and rng.random() < 0.15 else (-d, d)
                values = [int(v) for v in rng.integers(low, high, size=length)]
            if kind == "list":
                items.append(repr(values))
            elif len(values) >= 2 and rng.random() < 0.3:
                items.append(f"np.array({[values[:2], values[-2:]]!r})")
            else:
                items.append(f"np.array({values!r}, dtype=int)")
        else:
            length = d + 1 if allow_errors and rng.random() < 0.1 else d
            mask = [bool(v) for v in rng.random(length) < 0.5]
            items.append(f"np.array({mask!r}, dtype=bool)")
    if use_ellipsis:
        items.insert(split, "...")
    for _ in range(int(rng.choice([0, 0, 0, 1, 2]))):
        items.insert(int(rng.integers(0, len(items) + 1)), "None")
    if not items:
        return "()"
    return ", ".join(items)


class CreationTests(NumericsTestCase):
    def test_creation(self):
        rng = numpy.random.default_rng(1001)
        c = Cases()
        # np.array / asarray / copy from nested lists
        for _ in range(12):
            shape = rshape(rng, 1, 3, empty=False)
            for kind in "fib":
                c.add("np.array(x)", x=make(rng, kind, shape).tolist(), exact=True)
                c.add("np.asarray(x)", x=make(rng, kind, shape).tolist(), exact=True)
        c.add("np.array([1, 2.5, 3])", exact=True)
        c.add("np.array([True, 2, 3])", exact=True)
        c.add("np.array([True, 2.5])", exact=True)
        c.add("np.array([[1, 2], [3, 4]], dtype=float)", exact=True)
        c.add("np.array([1.7, -1.7, 2.5, -0.2], dtype=int)", exact=True)
        c.add("np.array([0.0, 1.5, -2.0, nan], dtype=bool)", exact=True)
        c.add("np.array([0, 3, -1], dtype=bool)", exact=True)
        c.add("np.array(5)", exact=True)
        c.add("np.array(2.5)", exact=True)
        c.add("np.array(True)", exact=True)
        c.add("np.array([])", exact=True)
        c.add("np.array([[], []])", exact=True)
        c.add("np.array([1, 2], ndmin=3)", exact=True)
        c.add("np.array(x, dtype='int64')", x=[1.9, 2.1, -3.9], exact=True)
        c.add("np.array(x, dtype=np.float64)", x=[1, 2, 3], exact=True)
        c.add("np.array(x, dtype=np.bool_)", x=[0, 2], exact=True)
        c.add("np.array([[1, 2], [3]])")
        c.add("np.array(nan, dtype=int)")
        c.add("np.asarray(a, dtype=float)", a=ints(rng, (2, 3)), exact=True)
        c.add("np.asarray(a, dtype=int)", a=floats(rng, (4,), special=0), exact=True)
        c.add("np.copy(a)", a=floats(rng, (2, 2)), exact=True)
        c.add("np.copy(a)", a=ints(rng, (0, 2)), exact=True)
        # zeros / ones / empty / full and the *_like forms
        for _ in range(8):
            shape = rshape(rng, 0, 3)
            c.add(f"np.zeros({shape!r})", exact=True)
            c.add(f"np.ones({shape!r}, dtype=int)", exact=True)
            c.add(f"np.zeros({shape!r}, dtype=bool)", exact=True)
            c.add(f"np.empty({shape!r}).shape", exact=True)
            c.add(f"str(np.empty({shape!r}, dtype=int).dtype)", exact=True)
            c.add(f"np.full({shape!r}, 7)", exact=True)
            c.add(f"np.full({shape!r}, -2.5)", exact=True)
            c.add(f"np.full({shape!r}, True)", exact=True)
            c.add(f"np.full({shape!r}, 2.9, dtype=int)", exact=True)
        c.add("np.zeros(3)", exact=True)
        c.add("np.ones([2, 3])", exact=True)
        c.add("np.zeros(0)", exact=True)
        c.add("np.zeros(())", exact=True)
        c.add("np.full((2, 2), nan)", exact=True)
        c.add("np.full(3, inf, dtype=float)", exact=True)
        for kind in "fib":
            a = make(rng, kind, (2, 3))
            c.add("np.zeros_like(a)", a=a, exact=True)
            c.add("np.ones_like(a)", a=a, exact=True)
            c.add("np.ones_like(a, dtype=float)", a=a, exact=True)
            c.add("np.full_like(a, 2.7)", a=a, exact=True)
            c.add("np.full_like(a, 3)", a=a, exact=True)
            c.add("np.full_like(a, 4, dtype=float)", a=a, exact=True)
            c.add("np.zeros_like(a, dtype=bool)", a=a, exact=True)
        c.add("np.zeros_like(a)", a=floats(rng, (0, 3)), exact=True)
        c.add("np.ones_like(3.5)", exact=True)
        c.add("np.zeros_like([1, 2])", exact=True)
        # arange
        for args in ["5", "0", "-3", "2, 9", "9, 2", "9, 2, -2", "-4, 7, 3", "10, 0, -3", "0, 5, 5", "3, 4",
                     "5.0", "0.5, 4", "0, 1, 0.1", "1, 0, -0.25", "-1.5, 2.5, 0.5", "0.1, 0.95, 0.2",
                     "0, 10, 3, dtype=float", "0.0, 5.0, dtype=int", "2, 3.5", "True", "0, 1e-3, 1e-4",
                     "10, 1, -1.5", "1e3, 1e3 + 5", "-7, -2"]:
            c.add(f"np.arange({args})")
        c.add("np.arange(0, 10, 0)")
        c.add("np.arange(0, 5, 1)", exact=True)
        # linspace and logspace
        for args in ["0, 1", "0, 1, 5", "0, 1, 0", "0, 1, 1", "2, -3, 7", "0, 1, 5, endpoint=False",
                     "-1, 1, 1, endpoint=False", "0, 10, 4, dtype=int", "1, 1, 3", "0, 1, 6, retstep=True",
                     "5, 0, 4, endpoint=False, retstep=True", "1e-3, 1e3, 9", "0, 2.5, 2",
                     "-2.5, 7, 9, dtype=int"]:
            c.add(f"np.linspace({args})")
        c.add("np.linspace(0, 1, -1)")
        for args in ["0, 2", "0, 2, 5", "-1, 1, 4, endpoint=False", "0, 10, 11, base=2", "1, 3, 3, base=2.5",
                     "2, 0, 3", "0, 1, 0", "0, 1, 1"]:
            c.add(f"np.logspace({args})")
        # eye / identity
        for args in ["3", "1", "0", "3, 4", "4, 2", "3, k=1", "3, k=-2", "3, 5, k=3", "3, 2, k=-5", "2, 3, 1",
                     "4, k=4"]:
            c.add(f"np.eye({args})", exact=True)
        c.add("np.eye(-1)")
        c.add("np.identity(4)", exact=True)
        c.add("np.identity(0)", exact=True)
        # meshgrid
        for _ in range(3):
            x = floats(rng, (int(rng.integers(0, 4)),), special=0)
            y = floats(rng, (int(rng.integers(1, 4)),), special=0)
            c.add("np.meshgrid(x, y)", x=x, y=y, exact=True)
            c.add("np.meshgrid(x, y, indexing='ij')", x=x, y=y, exact=True)
        c.add("np.meshgrid(x, y)", x=ints(rng, (3,)), y=ints(rng, (2,)), exact=True)
        c.add("np.meshgrid([1, 2, 3], [4.5, 5.5])", exact=True)
        c.add("np.meshgrid(x, y)[0].shape", x=ints(rng, (3,)), y=ints(rng, (4,)), exact=True)
        # shape / ndim / size
        for _ in range(5):
            a = floats(rng, rshape(rng))
            c.add("np.shape(a)", a=a, exact=True)
            c.add("np.ndim(a)", a=a, exact=True)
            c.add("np.size(a)", a=a, exact=True)
            c.add("(a.shape, a.ndim, a.size, str(a.dtype))", a=a, exact=True)
        c.add("np.shape([[1, 2, 3], [4, 5, 6]])", exact=True)
        c.add("np.size(3.0)", exact=True)
        c.add("np.ndim([[1], [2]])", exact=True)
        c.add("(str(x.dtype), str(y.dtype), str(z.dtype))", x=ints(rng, (2,)), y=bools(rng, (2,)),
              z=floats(rng, (2,)), exact=True)
        # the scalar types
        for expr in ["np.float64(2)", "np.float64(-1.5)", "np.float64('nan')", "np.float64('1.25')", "np.float64(True)",
                     "np.int64(3.7)", "np.int64(-3.7)", "np.int64('12')", "np.int64(True)", "np.bool_(0)", "np.bool_(2.5)",
                     "np.float64(np.array(2.5))", "np.int64(np.int64(4))", "np.float64(2) / 0 if False else 1.0"]:
            c.add(expr, exact=True)
        c.add("np.zeros(3, dtype=np.int64)", exact=True)
        c.add("np.ones((2,), dtype='bool')", exact=True)
        c.add("np.arange(4, dtype=np.float64)", exact=True)
        self.check(c)


class UfuncTests(NumericsTestCase):
    def test_unary_ufuncs(self):
        rng = numpy.random.default_rng(2002)
        c = Cases()
        for name in UNARY:
            shapes = [rshape(rng) for _ in range(4)] + [(0,), (1,), (), (2, 0)]
            for shape in shapes:
                x = ints(rng, shape) if name == "invert" else unary_input(rng, name, shape)
                c.add(f"np.{name}(x)", x=x)
            if name == "reciprocal":
                x = ints(rng, (3, 4), 1, 9) * numpy.where(bools(rng, (3, 4)), 1, -1)
            else:
                x = ints(rng, (3, 4), -9 if name not in ("arccosh",) else 1, 10)
            c.add(f"np.{name}(x)", x=x)
            # (numpy computes booleans in int8, where 1 // 0 is 0: beyond Beamtime's model)
            c.add(f"np.{name}(x)", x=bools(rng, (2, 3)) | (name == "reciprocal"))
            if name == "invert":
                c.add("np.invert(x)", x=floats(rng, (3,)))
                c.add("np.invert(7)")
                c.add("np.invert(True)")
            else:
                c.add(f"np.{name}(0.75)")
                c.add(f"np.{name}(3)")
                c.add(f"np.{name}([0.5, -0.25, 2.0])")
                c.add(f"np.{name}(nan)")
        # the operators that call them
        for kind in "fib":
            for _ in range(3):
                x = make(rng, kind, rshape(rng))
                c.add("-x", x=x)
                c.add("+x", x=x)
                c.add("abs(x)", x=x)
                c.add("~x", x=x)
        c.add("-np.array(0.0)")
        c.add("abs(np.array(-2))")
        self.check(c)

    def test_binary_ufuncs_broadcasting(self):
        rng = numpy.random.default_rng(3003)
        c = Cases()
        for n, name in enumerate(BINARY_UFUNCS):
            pairs = BROADCAST_PAIRS + [(s, compatible_shape(rng, s)) for s in (rshape(rng), rshape(rng), rshape(rng))]
            for k, (sa, sb) in enumerate(pairs):
                ka, kb = DTYPE_PAIRS[(k + 3 * n) % len(DTYPE_PAIRS)]
                if name.startswith("bitwise"):
                    ka, kb = ka.replace("f", "i").replace("F", "I"), kb.replace("f", "b").replace("F", "I")
                a, b = binary_inputs(rng, name, ka, kb, sa, sb)
                if rng.random() < 0.5:
                    a, b = b, a
                c.add(f"np.{name}(a, b)", a=a, b=b)
            c.add(f"np.{name}(a, b)", a=floats(rng, (3,)), b=floats(rng, (4,)))
            c.add(f"np.{name}(a, b)", a=ints(rng, (2, 3)), b=ints(rng, (3, 2)))
            c.add(f"np.{name}([1, 2, 3], 2)")
            c.add(f"np.{name}(True, [[0.5], [2.0]])")
        for name in ("bitwise_and", "bitwise_or", "bitwise_xor"):
            c.add(f"np.{name}(a, b)", a=floats(rng, (3,)), b=ints(rng, (3,)))
        c.add("np.power(a, b)", a=ints(rng, (4,), 1, 5), b=numpy.array([2, -1, 0, 3]))
        c.add("np.power(a, -2)", a=ints(rng, (4,), 1, 5))
        c.add("np.power(a, -2.0)", a=ints(rng, (4,), 1, 5))
        c.add("np.floor_divide(a, b)", a=numpy.array([1.0, 0.7, -0.7, 5.0, -5.0, 1e-310, 7.5, -7.5]),
              b=numpy.array([0.1, 0.1, 0.1, -0.3, 0.3, 3.0, 2.5, -2.5]))
        c.add("np.remainder(a, b)", a=numpy.array([1.0, 0.7, -0.7, 5.0, -5.0, 3.0, -3.0, 0.0, -0.0, INF]),
              b=numpy.array([0.1, 0.1, 0.1, -0.3, 0.3, INF, INF, -2.0, 2.0, 3.0]))
        c.add("np.floor_divide(a, b)", a=numpy.array([7, -7, 7, -7, 0, 5]), b=numpy.array([2, 2, -2, -2, 3, 0]))
        c.add("np.remainder(a, b)", a=numpy.array([7, -7, 7, -7, 0, 5]), b=numpy.array([2, 2, -2, -2, 3, 0]))
        # the operators
        combos = [("f", "f"), ("i", "i"), ("i", "f"), ("b", "b"), ("b", "i"), ("f", "F"), ("i", "I"),
                  ("I", "i"), ("F", "f"), ("F", "i"), ("b", "f")]
        names = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide", "//": "floor_divide",
                 "%": "remainder", "**": "power", "&": "bitwise_and", "|": "bitwise_or", "^": "bitwise_xor"}
        for op in OPERATORS:
            name = names.get(op, "less")
            for k, (ka, kb) in enumerate(combos):
                if op in "&|^":
                    ka, kb = ka.replace("f", "i").replace("F", "I"), kb.replace("f", "b").replace("F", "I")
                sa, sb = BROADCAST_PAIRS[(k * 5 + len(op)) % len(BROADCAST_PAIRS)]
                a, b = binary_inputs(rng, name, ka, kb, sa, sb)
                c.add(f"a {op} b", a=a, b=b)
            c.add(f"a {op} b", a=ints(rng, (2,)), b=ints(rng, (3,), 1, 4))
        c.add("(a < b) & (b < 2)", a=floats(rng, (3, 4)), b=floats(rng, (4,)))
        c.add("2 ** a", a=ints(rng, (5,), 0, 8))
        c.add("2.0 ** a", a=ints(rng, (5,), -3, 8))
        c.add("1 / a", a=ints(rng, (6,), -3, 3))
        c.add("1 // a", a=floats(rng, (6,), low=-2, high=2))
        c.add("a == None", a=floats(rng, (3,)))
        c.add("a != 'x'", a=ints(rng, (3,)))
        self.check(c)


REDUCTIONS = ["sum", "prod", "mean", "min", "max", "amin", "amax", "ptp", "any", "all"]
METHODS = {"sum", "prod", "mean", "min", "max", "ptp", "any", "all", "argmin", "argmax", "cumsum", "cumprod",
           "std", "var"}


def random_axis(rng, ndim, tuples=True):
    """None, an axis (sometimes negative, sometimes out of range) or a tuple of axes, as text."""
    r = rng.random()
    if r < 0.25 or ndim == 0:
        return "None"
    if r < 0.7 or not tuples:
        axis = int(rng.integers(-ndim, ndim))
        return str(axis if rng.random() > 0.04 else ndim)
    count = int(rng.integers(1, ndim + 1))
    axes = [int(a) for a in rng.choice(ndim, size=count, replace=False)]
    axes = [a - ndim if rng.random() < 0.3 else a for a in axes]
    return "(" + ", ".join(map(str, axes)) + ("," if count == 1 else "") + ")"


def reduction_input(rng, kind, small=False, empty=True):
    shape = rshape(rng, 0, 3 if small else 4, empty=empty)
    if small:
        shape = tuple(min(d, 3) for d in shape)
    if kind == "f":
        return floats(rng, shape, special=float(rng.choice([0.0, 0.0, 0.1])), specials=MILD_SPECIALS)
    if kind == "i":
        return ints(rng, shape, -2, 3) if small else ints(rng, shape)
    return bools(rng, shape)


class ReductionTests(NumericsTestCase):
    def test_reductions(self):
        rng = numpy.random.default_rng(4004)
        c = Cases()
        for name in REDUCTIONS + ["count_nonzero", "argmin", "argmax", "cumsum", "cumprod"]:
            for k in range(24):
                kind = "fib"[k % 3] if name != "ptp" else "fi"[k % 2]
                a = reduction_input(rng, kind, small=name in ("prod", "cumprod"))
                tuples = name not in ("argmin", "argmax", "cumsum", "cumprod")
                axis = random_axis(rng, a.ndim, tuples)
                keep = name not in ("count_nonzero", "cumsum", "cumprod") and rng.random() < 0.4
                args = f"axis={axis}" + (", keepdims=True" if keep else "")
                atol = 1e-12 * abs_scale(a) if name in ("sum", "mean", "cumsum") else 0.0
                if k % 4 == 3 and name in METHODS:
                    # (numpy 2 has no ndarray.ptp; Beamtime keeps it, as np.ptp)
                    c.add(f"a.{name}({args})", a=a, atol=atol,
                          np_expr=f"np.ptp(a, {args})" if name == "ptp" else None)
                elif k % 4 == 2:
                    positional = axis if not keep else f"{axis}, keepdims=True"
                    c.add(f"np.{name}(a, {positional})", a=a, atol=atol)
                else:
                    c.add(f"np.{name}(a, {args})", a=a, atol=atol)
            c.add(f"np.{name}(a)", a=floats(rng, (2, 3), special=0), atol=1e-12 * 20)
            c.add(f"np.{name}([[1, 2], [3, 4]])")
            c.add(f"np.{name}(a)", a=numpy.zeros(0))
            c.add(f"np.{name}(a, axis=0)", a=numpy.zeros((0, 3)))
            c.add(f"np.{name}(a, axis=1)", a=numpy.zeros((0, 3)))
            c.add(f"np.{name}(a, axis=-1)", a=ints(rng, (2, 0)))
            c.add(f"np.{name}(a)", a=numpy.array([NAN, 1.0, -INF, 3.0]))
            c.add(f"np.{name}(a, axis=0)", a=numpy.array([[1.0, NAN], [NAN, 2.0], [0.5, 3.0]]))
            c.add(f"np.{name}(a, axis=2)", a=floats(rng, (2, 2)))
            c.add(f"np.{name}(a)", a=numpy.array(2.5))
            c.add(f"np.{name}(a, axis=0)", a=numpy.array(-3))
            c.add(f"np.{name}(a, axis=-1)", a=numpy.array(1.5))
            if name not in ("count_nonzero", "cumsum", "cumprod"):
                c.add(f"np.{name}(a, keepdims=True)", a=numpy.array(-1.5))
        c.add("np.ptp(a)", a=numpy.array([True, False]))
        c.add("np.ptp(a, axis=0)", a=numpy.array([[True, False], [True, True]]))
        for name in REDUCTIONS:
            c.add(f"np.{name}(a, axis=(0, 0))", a=floats(rng, (2, 2)))
            c.add(f"np.{name}(a, axis=(1, -1), keepdims=True)", a=floats(rng, (2, 3, 2), special=0), atol=1e-11)
            c.add(f"np.{name}(a, (0, 2))", a=ints(rng, (2, 3, 2), -2, 3))
        c.add("np.argmax(a)", a=numpy.array([1.0, 3.0, 3.0, NAN, NAN]))
        c.add("np.argmin(a, axis=1)", a=numpy.array([[2, 1, 1], [0, 0, 0]]))
        c.add("np.argmax(a, axis=(0, 1))", a=floats(rng, (2, 2)))
        c.add("np.sum(a)", a=floats(rng, (1000,), special=0), atol=1e-12 * 3000 * 3)
        c.add("np.sum(a, axis=0)", a=floats(rng, (300, 2), special=0), atol=1e-12 * 3000)
        c.add("np.mean(a)", a=ints(rng, (999,)), atol=1e-13)
        c.add("np.cumsum(a)", a=ints(rng, (3, 4)))
        c.add("np.cumprod(a, axis=0)", a=bools(rng, (3, 4)))
        c.add("np.sum(a, axis=1.0)", a=floats(rng, (2, 2)))
        c.add("np.sum(a, axis=None, keepdims=True)", a=floats(rng, (2, 3), special=0), atol=1e-11)
        c.add("np.max(a, axis=None, keepdims=True)", a=floats(rng, (2, 3)))
        c.add("np.count_nonzero(a)", a=numpy.array([0.0, -0.0, NAN, 1e-310, INF]))
        c.add("np.any(a)", a=numpy.array([0.0, NAN]))
        c.add("np.all(a)", a=numpy.array([-0.0, 1.0]))
        self.check(c)

    def test_statistics(self):
        rng = numpy.random.default_rng(5005)
        c = Cases()
        for name in ("std", "var"):
            for k in range(30):
                kind = "ffib"[k % 4]
                a = reduction_input(rng, kind)
                axis = random_axis(rng, a.ndim)
                ddof = int(rng.choice([0, 0, 1, 1, 2]))
                keep = rng.random() < 0.3
                m = float(numpy.nanmax(numpy.abs(a[numpy.isfinite(a)]))) if a.size and numpy.isfinite(a).any() else 1.0
                atol = 1e-11 * (m * m if name == "var" else m)
                args = f"axis={axis}" + (f", ddof={ddof}" if ddof else "") + (", keepdims=True" if keep else "")
                if k % 3 == 2:
                    c.add(f"a.{name}({args})", a=a, atol=atol)
                else:
                    c.add(f"np.{name}(a, {args})", a=a, atol=atol)
            c.add(f"np.{name}(a)", a=numpy.array([1.0, 2.0, 3.0, 4.0]))
            c.add(f"np.{name}(a, ddof=1)", a=numpy.array([5.0]))
            c.add(f"np.{name}(a, ddof=3)", a=numpy.array([5.0, 1.0]))
            c.add(f"np.{name}(a)", a=numpy.zeros(0))
            c.add(f"np.{name}(a, axis=0)", a=numpy.zeros((0, 2)))
            c.add(f"np.{name}(a, axis=1)", a=numpy.array([[1.0, NAN], [INF, 2.0], [1e300, -1e300]]))
            c.add(f"np.{name}(a)", a=numpy.array([1e8 + 1, 1e8 + 2, 1e8 + 3]), atol=1e-6)
        for name in ("median", "percentile", "quantile"):
            for k in range(36):
                # (numpy cannot take percentiles of booleans, nor of empty axes: explicit cases below)
                kind = "ffii"[k % 4] if name != "median" else "ffib"[k % 4]
                a = reduction_input(rng, kind, empty=name == "median")
                axis = random_axis(rng, a.ndim)
                keep = rng.random() < 0.3
                m = float(numpy.nanmax(numpy.abs(a[numpy.isfinite(a)]))) if a.size and numpy.isfinite(a).any() else 1.0
                if name == "median":
                    q = ""
                else:
                    scale = 100 if name == "percentile" else 1
                    choice = k % 5
                    if choice == 0:
                        q = repr(float(rng.uniform(0, scale)))
                    elif choice == 1:
                        q = repr([float(v) for v in rng.uniform(0, scale, size=int(rng.integers(1, 4)))])
                    elif choice == 2:
                        q = repr([0, scale, scale / 2])
                    elif choice == 3:
                        q = f"np.array({[[0.25 * scale, 0.5 * scale], [0.75 * scale, 0.1 * scale]]!r})"
                    elif name == "percentile":
                        q = repr(int(rng.integers(0, scale + 1)))
                    else:
                        q = repr(float(rng.choice([0.0, 1.0, 0.5])))
                    q = ", " + q
                args = f"axis={axis}" + (", keepdims=True" if keep else "")
                c.add(f"np.{name}(a{q}, {args})", a=a, atol=1e-12 * m)
            q = "" if name == "median" else (", 50" if name == "percentile" else ", 0.5")
            c.add(f"np.{name}(a{q})", a=numpy.array([3.0, 1.0, 2.0, 10.0]))
            c.add(f"np.{name}(a{q})", a=numpy.array([3, 1, 2]))
            c.add(f"np.{name}(a{q})", a=numpy.array([3.0, NAN, 2.0]))
            c.add(f"np.{name}(a{q})", a=numpy.zeros(0))
            c.add(f"np.{name}(a{q}, axis=0)", a=numpy.zeros((0, 2)))
            c.add(f"np.{name}(a{q}, axis=1)", a=numpy.array([[1.0, INF, 3.0], [-INF, 2.0, 5.0]]))
            c.add(f"np.{name}([[1, 2], [3, 4]]{q}, axis=0)")
        for q in ("-1", "101", "[10, 120]", "nan"):
            c.add(f"np.percentile(a, {q})", a=floats(rng, (5,), special=0))
        for q in ("-0.1", "1.5", "[0.2, 2]"):
            c.add(f"np.quantile(a, {q})", a=floats(rng, (5,), special=0))
        c.add("np.percentile(a, [[5, 95]], axis=0, keepdims=True)", a=floats(rng, (4, 3), special=0), atol=1e-11)
        c.add("np.quantile(a, 0.3)", a=numpy.array([1.0, 2.0]))
        c.add("np.quantile(a, 1)", a=numpy.array([5, -9, -4, -3]))
        c.add("np.median(a, axis=0)", a=numpy.array(0.25))
        c.add("np.median(a, keepdims=True)", a=numpy.array(0.25))
        c.add("np.percentile(a, 50)", a=numpy.array([True, False, True]))
        c.add("np.quantile(a, 0.5, axis=0)", a=numpy.array([[True, False], [True, True]]))
        c.add("np.std(a, axis=0)", a=numpy.array(1.5))
        c.add("np.var(a, keepdims=True)", a=numpy.array(1.5))
        c.add("np.percentile(a, 37.5)", a=numpy.array([0.0, 1e-300, 1.0, 3.0, 3.0, 7.0]))
        self.check(c)


def target_shape(a, index):
    """numpy's shape of a[index], or None when numpy refuses the index."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return numpy.shape(eval(f"a[{index}]", {"np": numpy, "a": a}))
    except Exception:
        return None


class IndexingTests(NumericsTestCase):
    def test_indexing(self):
        rng = numpy.random.default_rng(6006)
        c = Cases()
        for k in range(1000):
            shape = rshape(rng, 0, 4)
            a = make(rng, "fifb"[k % 4], shape)
            c.add(f"a[{random_index(rng, shape)}]", a=a, exact=True)
        a = floats(rng, (3, 4, 5), special=0)
        for index in ["1", "-1", "1, 2", "1, 2, 3", "-3, -4, -5", "::-1", "::-1, ::-2", "1:, :-1, ::2",
                      "..., 0", "0, ...", "None", "None, ..., None", ":, None, 1", "[0, 2]", "[0, 2], 1",
                      "[0, 2], [1, 3]", "[0, 2], :, [1, 3]", "1, :, [0, 4]", ":, [0, 1], [2, 3]", "[[0, 1], [2, 0]]",
                      "np.array([[0, 1], [2, 0]]), 1", "[0, 1], None, [1, 2]", "[True, False, True]",
                      "[True, False, True], 1:3", ":, [True, False, True, False]", "..., [4, 0]", "[], 1", "[]",
                      "2:2", "5:", "-10:10", "1:0:-1", "3, 4, 5", "0, 0, 0, 0", "3", "-4", "1.0", "1, 1.5",
                      "'a'", "[0, 5]", "[[True, False, True, False]]", "np.array([0.0, 1.0])", "..., ...",
                      "(1, 2)", "()", "a > 0", "a[:, :, 0] > 0", "np.isnan(a)", "[0, -1], [True, False, True, True]"]:
            c.add(f"a[{index}]", a=a, exact=True)
        # advanced indices separated only by an Ellipsis that stands for no axis still count as separated
        c.add("a[:, 0, ..., [1, 2]]", a=floats(rng, (3, 4, 5)), exact=True)
        c.add("a[0, ..., [1, 2]]", a=floats(rng, (4, 3)), exact=True)
        c.add("a[None, :, -1, ..., [0, 1], None]", a=floats(rng, (4, 2, 3)), exact=True)
        for index in ["()", "...", "None", "0", "np.array(True)", "a > 0"]:
            c.add(f"a[{index}]", a=numpy.array(2.5), exact=True)
        b = floats(rng, (6,))
        c.add("b[b > 0]", b=b, exact=True)
        c.add("b[~np.isnan(b)]", b=b, exact=True)
        c.add("b[np.argmax(b)]", b=floats(rng, (6,), special=0), exact=True)
        c.add("b[np.nonzero(b > 0)]", b=b, exact=True)
        c.add("b[np.argsort(b)]", b=floats(rng, (6,), special=0), exact=True)
        c.add("b[i]", b=b, i=ints(rng, (2, 2), -6, 6), exact=True)
        c.add("b[i]", b=b, i=ints(rng, (0,)), exact=True)
        c.add("b[i]", b=b, i=bools(rng, (6,)), exact=True)
        c.add("b[i]", b=b, i=bools(rng, (5,)), exact=True)
        c.add("b[i]", b=b, i=floats(rng, (2,), special=0), exact=True)
        c.add("b[2:5][::-1][1]", b=b, exact=True)
        c.add("b[::2][[0, 2]]", b=b, exact=True)
        c.add("[x for x in b[:3]]", b=b, exact=True)
        c.add("len(a)", a=a, exact=True)
        c.add("[r.shape for r in a]", a=a, exact=True)
        c.add("a[1][2][3]", a=a, exact=True)
        self.check(c)

    def test_assignment(self):
        rng = numpy.random.default_rng(7007)
        c = Cases()
        for k in range(600):
            shape = rshape(rng, 1, 4)
            kind = "fifb"[k % 4]
            a = make(rng, kind, shape, special=0.05, specials=MILD_SPECIALS) if kind == "f" else make(rng, kind, shape)
            index = random_index(rng, shape)
            target = target_shape(a, index) or ()
            # (booleans take no arithmetic in place, and NaN cast to int is undefined: explicit cases below)
            op = str(rng.choice(["=", "=", "=", "+=", "-=", "*="])) if kind != "b" else "="
            form = int(rng.integers(0, 5))
            if form == 0:
                v = float(rng.normal(0, 3)) if kind == "f" else int(rng.integers(-5, 6))
            elif form == 1:
                v = int(rng.integers(-5, 6))
            elif form == 2 and op == "=":
                v = make(rng, "fifb"[int(rng.integers(0, 4))], target, special=0)
            elif form == 2:
                v = make(rng, kind, target, special=0) if kind == "f" else make(rng, kind, target)
            elif form == 3:
                v = make(rng, kind, compatible_shape(rng, target))
            elif int(numpy.prod(target)) > 0:
                v = make(rng, kind, target).tolist()
            else:
                v = float(rng.normal()) if kind == "f" else int(rng.integers(-5, 6))
            c.add("a", setup=f"a[{index}] {op} v", a=a, v=v, exact=True)
        a = floats(rng, (3, 4), special=0)
        for stmt in ["a[0] = 5", "a[:, 1] = [1, 2, 3]", "a[1:, ::2] = 0", "a[::-1, 0] = [7, 8, 9]", "a[...] = 1.5",
                     "a[a > 0] = 0", "a[a < 0] *= -1", "a[[0, 0, 2]] += 1", "a[[0, 0], [1, 1]] = [5, 6]",
                     "a[[0, 0], [1, 1]] += 1", "a[np.array([True, False, True])] = -1", "a[:] = a[::-1]",
                     "a[1:] = a[:-1]", "a[:, 1:] = a[:, :-1]", "a[0, 0] = nan", "a[0, :] = [1, 2]", "a[5] = 1",
                     "a[0, 0] = 'x'", "a[:, None, 1] = 2", "a[1, [0, 3]] = np.array([[1, 2]])", "a[..., -1] = a[:, 0]",
                     "a[a > 0] = [1, 2]", "a[a > 100] = [1, 2]", "a[()] = 3", "a[[1, -1]] = a[[-1, 1]]",
                     "a[2] -= a[0]", "a[0, 1] += True", "a[:2, :2] = [[1], [2]]", "a[:, 1] = a[:, 1:2]",
                     "a[0, ..., [1, 2]] = [10, 20]"]:
            c.add("a", setup=stmt, a=a, exact=True)
        for stmt in ["b[:, 0, ..., [1, 2]] = np.arange(6).reshape(2, 3)", "b[:, 0, ..., [1, 2]] = np.arange(6).reshape(3, 2)",
                     "b[:, 0, ..., [1, 2]] += 1"]:
            c.add("b", setup=stmt, b=floats(rng, (3, 4, 5)), exact=True)
        i = ints(rng, (3, 4))
        for stmt in ["i[0] = 2.7", "i[0] = -2.7", "i[1] = nan", "i[1] = inf", "i[:, 0] = [1.5, 2.5, 3.5]", "i += 1",
                     "i += 1.5", "i *= 2", "i /= 2", "i //= 2", "i[0] += 1.5", "i[i > 0] = 0", "i[0] = True", "i -= True",
                     "i %= 3", "i **= 2", "i[[0, 0, 1]] += 5", "i &= 3", "i |= i[0]"]:
            c.add("i", setup=stmt, i=i, exact=True)
        m = bools(rng, (2, 3))
        for stmt in ["m[0] = 0", "m[0] = 2", "m[:, 1] = 0.5", "m[1] = [1, 0, 1]", "m += True", "m -= True", "m *= False",
                     "m |= ~m", "m &= m[0]", "m ^= True", "m[m] = False", "m[0, 0] = nan"]:
            c.add("m", setup=stmt, m=m, exact=True)
        # views: basic slices, transposes and reshapes share memory, advanced indexing copies
        for stmt, result in [("b = a[1:]\nb[0] = 99.0", "a"), ("b = a[:, 1]\nb[:] = -1", "a"),
                             ("b = a.T\nb[0, 1] = 5", "a"), ("b = a.reshape(-1)\nb[0] = 7", "a"),
                             ("b = a.ravel()\nb[-1] = 8", "a"), ("b = a.flatten()\nb[0] = 1", "a"),
                             ("b = a[[0, 1]]\nb[0] = 99", "a"), ("b = a[a > 0]\nb[:] = 0", "a"),
                             ("b = a.copy()\nb[0] = 3", "a"), ("b = np.array(a)\nb[0] = 3", "a"),
                             ("b = np.asarray(a)\nb[0] = 3", "a"), ("b = a[None]\nb[0, 0, 0] = 4", "a"),
                             ("b = a[...]\nb[1, 1] = 4", "a"), ("b = a[::2, ::-1]\nb += 10", "a"),
                             ("b = a[1]\na[1, 2] = 42", "b"), ("b = a.T\na[0, 0] = 11", "b"),
                             ("b = a[0]\nb.fill(3)", "a"), ("b = a[:, 0]\nb.sort()", "a"), ("b = a.squeeze()\nb[0, 0] = 1", "a"),
                             ("b = np.transpose(a)\nb[1, 0] = -5", "a"), ("b = np.reshape(a, (4, 3))\nb[0, 0] = 6", "a"),
                             ("b = np.ravel(a)\nb[1] = 6", "a"), ("b = np.flip(a)\nb[0, 0] = 6", "a"),
                             ("b = np.expand_dims(a, 0)\nb[0, 0, 0] = 6", "a"), ("b = np.squeeze(a[None])\nb[0, 0] = 6", "a"),
                             ("b = a\na += 1", "b"), ("b = a\na *= 2\na -= 1", "b"), ("b = a[0]\nb *= 2", "a"),
                             ("b = a[:, 1:]\nb /= 2", "a"), ("b = a.T\nb **= 2", "a"), ("b = a.reshape(4, 3)\nb //= 1", "a")]:
            c.add(result, setup=stmt, a=a, exact=True)
        # in-place methods
        for stmt in ["a.fill(3.5)", "a.sort()", "a.sort(axis=0)", "a.sort(axis=None)", "a[0].sort()", "a[:, 0].sort()"]:
            c.add("a", setup=stmt, a=floats(rng, (3, 4)), exact=True)
        c.add("i", setup="i.fill(2.9)", i=ints(rng, (2, 2)), exact=True)
        c.add("i", setup="i.sort()", i=ints(rng, (2, 5)), exact=True)
        c.add("m", setup="m.sort()", m=bools(rng, (5,)), exact=True)
        c.add("a", setup="a += b", a=floats(rng, (3,)), b=floats(rng, (2, 3)), exact=True)
        c.add("a", setup="a += b", a=floats(rng, (2, 3)), b=floats(rng, (3,)), exact=True)
        c.add("a", setup="a -= a[0]", a=floats(rng, (3, 2), special=0), exact=True)
        c.add("a", setup="a[1:] += a[:-1]", a=floats(rng, (5,), special=0), exact=True)
        self.check(c)


def factor_shapes(rng, size, count=3):
    """Random shapes with `size` elements (some with a -1)."""
    shapes = []
    for _ in range(count):
        dims, left = [], size
        for _ in range(int(rng.integers(0, 3))):
            divisors = [d for d in range(1, 5) if left % d == 0] if left else [0, 1, 2]
            d = int(rng.choice(divisors))
            dims.append(d)
            left = left // d if d else left
        dims.append(left if size else 0)
        if size and rng.random() < 0.4:
            dims[int(rng.integers(0, len(dims)))] = -1
        shapes.append(tuple(dims))
    return shapes


class ShapeTests(NumericsTestCase):
    def test_shapes(self):
        rng = numpy.random.default_rng(8008)
        c = Cases()
        for k in range(40):
            shape = rshape(rng, 1, 4)
            a = make(rng, "fib"[k % 3], shape)
            for new in factor_shapes(rng, a.size, 2):
                c.add(f"np.reshape(a, {new!r})", a=a, exact=True)
                c.add(f"a.reshape({new!r})", a=a, exact=True)
                if len(new) > 1:
                    c.add(f"a.reshape({', '.join(map(str, new))})", a=a, exact=True)
            c.add(f"a.reshape({a.size + 1})", a=a, exact=True)
            c.add("np.transpose(a)", a=a, exact=True)
            c.add("a.T", a=a, exact=True)
            c.add("a.transpose()", a=a, exact=True)
            perm = tuple(int(p) for p in rng.permutation(a.ndim))
            c.add(f"np.transpose(a, {perm!r})", a=a, exact=True)
            c.add(f"np.transpose(a, axes={perm!r})", a=a, exact=True)
            if a.ndim > 1:
                c.add(f"a.transpose({', '.join(map(str, perm))})", a=a, exact=True)
                c.add(f"a.transpose({perm[:-1]!r})", a=a, exact=True)
            c.add("np.ravel(a)", a=a, exact=True)
            c.add("a.ravel()", a=a, exact=True)
            c.add("a.flatten()", a=a, exact=True)
            c.add("np.squeeze(a)", a=a, exact=True)
            c.add("a.squeeze()", a=a, exact=True)
            if a.ndim:
                axis = int(rng.integers(-a.ndim, a.ndim))
                c.add(f"np.squeeze(a, axis={axis})", a=a, exact=True)
                c.add(f"a.squeeze({axis})", a=a, exact=True)
                c.add(f"np.flip(a, {axis})", a=a, exact=True)
            ones = tuple(i for i, d in enumerate(a.shape) if d == 1)
            if ones and k % 8 == 0:
                c.add(f"np.squeeze(a, axis={ones!r})", a=a, exact=True)
            axis = int(rng.integers(-a.ndim - 1, a.ndim + 1))
            c.add(f"np.expand_dims(a, {axis})", a=a, exact=True)
            c.add(f"np.expand_dims(a, axis={a.ndim + 2})", a=a, exact=True)
            c.add("np.flip(a)", a=a, exact=True)
            c.add("np.flip(a, axis=None)", a=a, exact=True)
            c.add("a.copy()", a=a, exact=True)
            c.add("np.copy(a)", a=a, exact=True)
            c.add("a.tolist()", a=a, exact=True)
            for t in ("float", "int", "bool", "np.float64", "np.int64", "'float64'", "'int64'", "'bool'"):
                if rng.random() < 0.4:
                    v = a if kind_of(a) != "f" or t not in ("int", "np.int64", "'int64'") else \
                        numpy.asarray(numpy.clip(numpy.nan_to_num(a), -1e6, 1e6))
                    c.add(f"a.astype({t})", a=v, exact=True)
        # 0-d arrays stay arrays through these (only reductions and a[int...] give scalars)
        for kind in "fib":
            a = make(rng, kind, ())
            for expr in ["np.transpose(a)", "a.T", "np.squeeze(a)", "a.copy()", "np.copy(a)", "a.astype(float)",
                         "a.reshape(())", "np.reshape(a, (1, 1))", "np.ravel(a)", "np.flip(a)", "np.expand_dims(a, 0)",
                         "a.reshape(-1)", "a.tolist()", "a.flatten()"]:
                c.add(expr, a=a, exact=True)
        c.add("np.squeeze(a)", a=floats(rng, (1, 1)), exact=True)
        c.add("a.squeeze(0)", a=floats(rng, (1,)), exact=True)
        for shape in [(2, 3), (0,), (1,), (), (4, 1)]:
            a = floats(rng, shape)
            c.add("a.item()" if a.size == 1 else "a.item(0)", a=a, exact=True)
            c.add("a.item()", a=a, exact=True)
        c.add("a.item(-1)", a=ints(rng, (2, 3)), exact=True)
        c.add("a.item(1, 2)", a=ints(rng, (2, 3)), exact=True)
        c.add("a.item(7)", a=ints(rng, (2, 3)), exact=True)
        c.add("a.astype(int)", a=numpy.array([1.9, -1.9, 0.5, -0.5, 2.0]), exact=True)
        c.add("a.astype(bool)", a=numpy.array([0.0, -0.0, NAN, 1e-310, -2.0]), exact=True)
        c.add("np.squeeze(a, axis=0)", a=floats(rng, (2, 1)), exact=True)
        c.add("np.expand_dims(a, (0, 2))", a=floats(rng, (2, 3)), exact=True)
        c.add("np.flip(a, (0, 1))", a=floats(rng, (2, 3)), exact=True)
        c.add("a.reshape(-1)", a=floats(rng, (2, 3)), exact=True)
        c.add("a.reshape(-1)", a=numpy.zeros((0, 3)), exact=True)
        c.add("a.reshape(-1, 2)", a=floats(rng, (2, 3)), exact=True)
        c.add("a.reshape(-1, -1)", a=floats(rng, (2, 3)), exact=True)
        c.add("a.reshape((2, -1, 3))", a=floats(rng, (2, 3)), exact=True)
        c.add("a.reshape(2.0, 3)", a=floats(rng, (2, 3)), exact=True)
        c.add("np.reshape(a, shape=(3, 2))", a=floats(rng, (2, 3)), exact=True)
        c.add("a.reshape(0, -1)", a=numpy.zeros((0, 3)), exact=True)
        c.add("a.reshape(-1, 0)", a=numpy.zeros((0, 3)), exact=True)
        c.add("np.transpose(a, (0, 0))", a=floats(rng, (2, 3)), exact=True)
        c.add("np.transpose(a, (0, 2))", a=floats(rng, (2, 3)), exact=True)
        # joining
        for k in range(40):
            shape = rshape(rng, 1, 3)
            n = int(rng.integers(1, 4))
            axis = int(rng.integers(-len(shape), len(shape)))
            arrays = []
            for _ in range(n):
                s = list(shape)
                if rng.random() < 0.7:
                    s[axis] = int(rng.integers(0, 4))
                if rng.random() < 0.08:
                    s = s[:-1]
                arrays.append(make(rng, "fib"[int(rng.integers(0, 3))], tuple(s)))
            names = {f"x{i}": arr for i, arr in enumerate(arrays)}
            seq = "[" + ", ".join(names) + "]"
            tup = "(" + ", ".join(names) + ("," if n == 1 else "") + ")"
            c.add(f"np.concatenate({seq}, axis={axis})", exact=True, **names)
            c.add(f"np.concatenate({tup})", exact=True, **names)
            if k % 5 == 0:
                c.add(f"np.concatenate({seq}, axis=None)", exact=True, **names)
            same = {f"y{i}": make(rng, "fib"[k % 3], shape) for i in range(n)}
            sax = int(rng.integers(-len(shape) - 1, len(shape) + 1))
            c.add(f"np.stack([{', '.join(same)}], axis={sax})", exact=True, **same)
            c.add(f"np.stack(({', '.join(same)},))", exact=True, **same)
            c.add(f"np.stack({seq})", exact=True, **names)
            c.add(f"np.vstack({seq})", exact=True, **names)
            c.add(f"np.hstack({seq})", exact=True, **names)
            c.add(f"np.vstack([{', '.join(same)}])", exact=True, **same)
            c.add(f"np.hstack([{', '.join(same)}])", exact=True, **same)
        c.add("np.concatenate([[1, 2], [3.5]])", exact=True)
        c.add("np.concatenate([a, b])", a=numpy.array(1.0), b=numpy.array(2.0), exact=True)
        c.add("np.concatenate([])", exact=True)
        c.add("np.stack([])", exact=True)
        c.add("np.vstack([[1, 2], [3, 4]])", exact=True)
        c.add("np.hstack([1, 2.5, True])", exact=True)
        c.add("np.vstack([a, b])", a=numpy.array(1.0), b=numpy.array(2.0), exact=True)
        c.add("np.hstack([a, b])", a=numpy.array(1.0), b=numpy.array(2.0), exact=True)
        c.add("np.stack([a, b], axis=1)", a=numpy.array(1.0), b=numpy.array(2.0), exact=True)
        c.add("np.concatenate([a, b], axis=1)", a=floats(rng, (2, 2)), b=floats(rng, (3, 2)), exact=True)
        c.add("np.concatenate([a, b], axis=2)", a=floats(rng, (2, 2)), b=floats(rng, (2, 2)), exact=True)
        # the array protocol
        a = floats(rng, (3, 2))
        c.add("len(a)", a=a, exact=True)
        c.add("len(a)", a=numpy.array(2.0), exact=True)
        c.add("[x.tolist() for x in a]", a=a, exact=True)
        c.add("list(a[:, 0])", a=a, exact=True)
        c.add("list(np.arange(3))", exact=True)
        c.add("bool(a)", a=a, exact=True)
        c.add("bool(a)", a=numpy.array([0.0]), exact=True)
        c.add("bool(a)", a=numpy.zeros(0), exact=True)
        c.add("float(a)", a=numpy.array(2.5), exact=True)
        c.add("int(a)", a=numpy.array(-2.5), exact=True)
        c.add("float(a)", a=a, exact=True)
        c.add("isinstance(a, np.ndarray)", a=a, exact=True)
        c.add("isinstance([1], np.ndarray)", exact=True)
        c.add("a.shape == (3, 2)", a=a, exact=True)
        c.add("(a.ndim, a.size, a.T.shape, a[None].shape)", a=a, exact=True)
        c.add("sum(a[:, 0])", a=a, exact=True, atol=1e-14)
        c.add("max(a[:, 0])", a=a, exact=True)
        c.add("sorted(a[:, 0])", a=floats(rng, (4,), special=0), exact=True)
        self.check(c)


class LinearAlgebraTests(NumericsTestCase):
    def test_linear_algebra(self):
        rng = numpy.random.default_rng(9009)
        c = Cases()
        for k in range(60):
            m, n, p = (int(v) for v in rng.integers(0, 5, size=3))
            form = k % 6
            shapes = [((n,), (n,)), ((m, n), (n,)), ((n,), (n, p)), ((m, n), (n, p)), ((), (m, n)), ((m, n), ())][form]
            if rng.random() < 0.1:
                shapes = (shapes[0], tuple(d + 1 for d in shapes[1]))
            kinds = [("f", "f"), ("i", "i"), ("i", "f"), ("f", "i"), ("b", "b"), ("b", "f")][int(rng.integers(0, 6))]
            a = make(rng, kinds[0], shapes[0], special=0.05, specials=MILD_SPECIALS)
            b = make(rng, kinds[1], shapes[1], special=0.05, specials=MILD_SPECIALS)
            atol = 1e-12 * (abs_scale(a) + 1) * (abs_scale(b) + 1)
            c.add("np.dot(a, b)", a=a, b=b, atol=atol)
            c.add("a.dot(b)" if a.ndim else "np.dot(b, a)", a=a, b=b, atol=atol)
            c.add("np.matmul(a, b)", a=a, b=b, atol=atol)
            c.add("a @ b", a=a, b=b, atol=atol)
            c.add("np.outer(a, b)", a=a, b=b, atol=atol)
        c.add("np.dot([1, 2, 3], [4, 5, 6])", exact=True)
        c.add("np.dot([[1, 2], [3, 4]], [[5], [6]])", exact=True)
        c.add("np.dot(2.5, 3)", exact=True)
        c.add("np.dot(a, b)", a=numpy.zeros((2, 0)), b=numpy.zeros((0, 3)), exact=True)
        c.add("a @ b", a=numpy.zeros((2, 0)), b=numpy.zeros((0, 3)), exact=True)
        c.add("np.dot(a, b)", a=floats(rng, (3,)), b=floats(rng, (4,)))
        c.add("a @ b", a=floats(rng, (2, 3)), b=floats(rng, (2, 3)))
        c.add("np.matmul(a, 2.0)", a=floats(rng, (2, 3)))
        c.add("a @ b", a=numpy.array(2.0), b=floats(rng, (2,)))
        c.add("np.outer([1, 2], [True, False, True])", exact=True)
        c.add("np.outer(a, b)", a=floats(rng, (2, 2)), b=ints(rng, (3,)), atol=1e-12)
        c.add("np.outer([], [1, 2])", exact=True)
        c.add("a @ a.T", a=floats(rng, (3, 4), special=0), atol=1e-11)
        c.add("a.T @ a", a=ints(rng, (3, 4)), exact=True)
        c.add("np.dot(a, np.ones(4))", a=floats(rng, (3, 4), special=0), atol=1e-11)
        self.check(c)


class SortingTests(NumericsTestCase):
    def test_sorting_searching(self):
        rng = numpy.random.default_rng(10010)
        c = Cases()
        for k in range(50):
            shape = rshape(rng, 1, 3)
            kind = "ffib"[k % 4]
            a = make(rng, kind, shape, specials=MILD_SPECIALS)
            axis = int(rng.integers(-a.ndim, a.ndim))
            c.add("np.sort(a)", a=a, exact=True)
            c.add(f"np.sort(a, axis={axis})", a=a, exact=True)
            c.add(f"np.sort(a, {axis})", a=a, exact=True)
            c.add("np.sort(a, axis=None)", a=a, exact=True)
            # argsort is only well defined for distinct values (numpy's default sort is not stable)
            distinct = (rng.permutation(a.size).reshape(shape) * (1.5 if kind == "f" else 1) - 3)
            distinct = distinct.astype(numpy.float64 if kind == "f" else numpy.int64)
            if kind == "f" and distinct.size:
                distinct.flat[int(rng.integers(0, distinct.size))] = NAN
            c.add("np.argsort(d)", d=distinct, exact=True)
            c.add(f"np.argsort(d, axis={axis})", d=distinct, exact=True)
            c.add("d.argsort()", d=distinct, exact=True)
            c.add(f"np.argsort(d, {axis})", d=distinct, exact=True)
            c.add("np.argsort(d, axis=None)", d=distinct, exact=True)
            c.add("np.unique(a)", a=a, exact=True)
            c.add("np.nonzero(a)", a=a, exact=True)
            c.add("a.nonzero()", a=a, exact=True)
            c.add("np.argwhere(a)", a=a, exact=True)
            c.add("np.where(a)", a=a, exact=True)
            c.add("np.count_nonzero(a)", a=a, exact=True)
        for k in range(40):
            n = int(rng.integers(0, 8))
            sorted_a = numpy.sort(ints(rng, (n,), -5, 6) if k % 2 else floats(rng, (n,), special=0).round(1))
            if k % 5 == 0 and n:
                sorted_a = numpy.sort(numpy.concatenate([sorted_a, [NAN]]))
            vshape = rshape(rng, 0, 2)
            v = floats(rng, vshape, special=0.1, specials=[NAN, INF, -INF]).round(1) if k % 3 else ints(rng, vshape, -6, 7)
            if v.size and sorted_a.size:
                v.flat[0] = sorted_a[0]
            c.add("np.searchsorted(a, v)", a=sorted_a, v=v, exact=True)
            c.add("np.searchsorted(a, v, side='right')", a=sorted_a, v=v, exact=True)
            c.add("a.searchsorted(v, 'right')", a=sorted_a, v=v, exact=True)
            c.add("np.searchsorted(a, 0.0)", a=sorted_a, exact=True)
            c.add("np.searchsorted(a, [-1, 1])", a=sorted_a, exact=True)
        c.add("np.searchsorted([1, 2, 2, 3], 2, side='middle')", exact=True)
        c.add("np.searchsorted([1, 2, 2, 3], [[2, 3], [0, 9]], side='left')", exact=True)
        c.add("np.unique([3, 1, 2, 3, 1])", exact=True)
        c.add("np.unique([nan, 1.0, nan, -inf, 1.0])", exact=True)
        c.add("np.unique([[True, False], [True, True]])", exact=True)
        c.add("np.unique([])", exact=True)
        c.add("np.unique([-0.0, 0.0])", exact=True)
        c.add("np.unique(5)", exact=True)
        c.add("np.sort([3, 1, nan, 2, -inf, nan])", exact=True)
        c.add("np.sort([[3, 1], [0, 2]], axis=0)", exact=True)
        c.add("np.sort(a)", a=numpy.array(3.0), exact=True)
        c.add("np.sort(a, axis=2)", a=floats(rng, (2, 2)), exact=True)
        c.add("np.argsort([3.0, 1.0, 2.0, 0.5])", exact=True)
        c.add("np.argsort(a)", a=numpy.array([2.0, NAN, 1.0, -INF, INF]), exact=True)
        c.add("np.nonzero(a)", a=numpy.array(1.0), exact=True)
        c.add("np.argwhere(a)", a=numpy.array(1.0), exact=True)
        c.add("np.argwhere(a)", a=numpy.array(0.0), exact=True)
        c.add("np.nonzero([0, 1, 0, -2])", exact=True)
        c.add("np.nonzero(a)", a=numpy.array([0.0, -0.0, NAN, 1e-310]), exact=True)
        c.add("np.where([[True, False], [False, True]])", exact=True)
        self.check(c)


class HelperTests(NumericsTestCase):
    def test_elementwise_helpers(self):
        rng = numpy.random.default_rng(11011)
        c = Cases()
        for k in range(40):
            shape = rshape(rng)
            x = floats(rng, shape, scale=30.0)
            if x.size:
                half = rng.random(x.shape) < 0.3
                x[half] = rng.integers(-40, 41, size=int(half.sum())) * 0.5
                three = rng.random(x.shape) < 0.3
                x[three] = numpy.round(rng.normal(0, 5, size=int(three.sum())), 3)
            decimals = int(rng.integers(-2, 4))
            c.add(f"np.round(x, {decimals})", x=x)
            c.add(f"np.around(x, decimals={decimals})", x=x)
            c.add(f"x.round({decimals})", x=x)
            c.add("np.round(x)", x=x)
            i = ints(rng, shape, -60, 60)
            c.add(f"np.round(i, {decimals})", i=i, exact=True)
        for v in ["0.5", "1.5", "2.5", "-0.5", "-2.5", "2.675", "1.005", "0.125", "1e300", "nan", "-0.0"]:
            c.add(f"np.round({v}, 2)")
            c.add(f"np.round({v})")
        c.add("np.round([15, 25, 35, -25], -1)", exact=True)
        c.add("np.round(x, 1)", x=bools(rng, (3,)), exact=True)
        # clip
        for k in range(30):
            shape = rshape(rng)
            kind = "ffib"[k % 4]
            a = make(rng, kind, shape)
            lo, hi = sorted(float(v) for v in rng.normal(0, 2, size=2))
            form = k % 6
            if form == 0:
                c.add(f"np.clip(a, {lo!r}, {hi!r})", a=a)
            elif form == 1:
                c.add(f"np.clip(a, None, {hi!r})", a=a)
            elif form == 2:
                c.add(f"a.clip({int(lo)}, {int(hi) + 1})", a=a)
            elif form == 3:
                c.add("np.clip(a, lo, hi)", a=a, lo=floats(rng, compatible_shape(rng, shape), special=0.1) - 2,
                      hi=floats(rng, compatible_shape(rng, shape), special=0.1) + 2)
            elif form == 4:
                c.add(f"np.clip(a, {hi!r}, {lo!r})", a=a)
            else:
                c.add("np.clip(a, a_min=-1, a_max=nan)", a=a)
        c.add("np.clip(a, None, None)", a=floats(rng, (3,)))
        c.add("np.clip([1, 5, 9], 2, 6)", exact=True)
        c.add("np.clip([1, 5, 9], 2.5, 6)", exact=True)
        # where
        for k in range(30):
            s1, s2 = BROADCAST_PAIRS[k % len(BROADCAST_PAIRS)]
            cond = bools(rng, compatible_shape(rng, s1))
            x = make(rng, "fib"[k % 3], s1)
            y = make(rng, "fib"[(k // 3) % 3], s2)
            c.add("np.where(cond, x, y)", cond=cond, x=x, y=y, exact=True)
            c.add("np.where(x > 0, x, 0)", x=x, exact=True)
            c.add("np.where(x, 1.5, -1)", x=x, exact=True)
        c.add("np.where(cond, x)", cond=bools(rng, (3,)), x=floats(rng, (3,)), exact=True)
        c.add("np.where(cond, x, y)", cond=bools(rng, (3,)), x=floats(rng, (3,)), y=floats(rng, (4,)), exact=True)
        # nan_to_num
        for k in range(12):
            x = floats(rng, rshape(rng), special=0.5, specials=[NAN, INF, -INF])
            c.add("np.nan_to_num(x)", x=x, exact=True)
            c.add("np.nan_to_num(x, nan=-1.0, posinf=99, neginf=-99)", x=x, exact=True)
            c.add("np.nan_to_num(x, copy=False)", x=x, exact=True)
        c.add("np.nan_to_num(i)", i=ints(rng, (3,)), exact=True)
        c.add("np.nan_to_num(nan)", exact=True)
        c.add("np.nan_to_num([inf, -inf], posinf=1.5)", exact=True)
        # isclose / allclose / array_equal
        for k in range(30):
            s1, s2 = BROADCAST_PAIRS[k % len(BROADCAST_PAIRS)]
            a = floats(rng, s1, special=0.2, specials=[NAN, INF, -INF, 0.0])
            b = numpy.broadcast_to(a, numpy.broadcast_shapes(s1, s2)).copy() if k % 2 else floats(rng, s2)
            if b.size:
                b = b + rng.choice([0.0, 1e-9, 1e-6, 1e-3], size=b.shape) * rng.choice([-1.0, 1.0], size=b.shape)
            c.add("np.isclose(a, b)", a=a, b=b, exact=True)
            c.add("np.isclose(a, b, rtol=1e-3, atol=0.0, equal_nan=True)", a=a, b=b, exact=True)
            c.add("np.allclose(a, b)", a=a, b=b, exact=True)
            c.add("np.allclose(a, b, equal_nan=True)", a=a, b=b, exact=True)
            c.add("np.array_equal(a, b)", a=a, b=b, exact=True)
            c.add("np.array_equal(a, a)", a=a, exact=True)
        c.add("np.isclose(1.0, 1.0 + 1e-9)", exact=True)
        c.add("np.isclose([1, 2], [1, 3])", exact=True)
        c.add("np.isclose(inf, inf)", exact=True)
        c.add("np.array_equal([1, 2], [1.0, 2.0])", exact=True)
        c.add("np.array_equal([1, 2], [[1, 2]])", exact=True)
        c.add("np.array_equal([], [])", exact=True)
        c.add("np.allclose([], [1.0])", exact=True)
        c.add("np.allclose(a, b)", a=floats(rng, (3,)), b=floats(rng, (4,)), exact=True)
        self.check(c)


class HistogramTests(NumericsTestCase):
    def test_histogram(self):
        rng = numpy.random.default_rng(12012)
        c = Cases()
        for k in range(60):
            n = int(rng.choice([0, 1, 2, 5, 17, 40]))
            style = k % 4
            if style == 0:
                a = floats(rng, (n,), special=0)
            elif style == 1:
                a = rng.integers(-4, 5, size=n) * 0.5          # values exactly on bin edges
            elif style == 2:
                a = ints(rng, (n,), -10, 11)
            else:
                a = floats(rng, (n,), special=0).reshape(-1, 1) if n else numpy.zeros((0, 2))
            bins = int(rng.integers(1, 12))
            lo, hi = sorted(float(v) for v in rng.uniform(-6, 6, size=2))
            edges = sorted(set(float(round(v, 2)) for v in rng.uniform(-6, 6, size=int(rng.integers(2, 7)))))
            if len(edges) < 2:
                edges = [-1.0, 1.0]
            w = floats(rng, a.shape, special=0) if k % 3 else ints(rng, a.shape, 0, 5)
            scale = abs_scale(w) + 1
            c.add("np.histogram(a)", a=a)
            c.add(f"np.histogram(a, bins={bins})", a=a)
            c.add(f"np.histogram(a, {bins}, range=({lo!r}, {hi!r}))", a=a)
            c.add(f"np.histogram(a, bins={edges!r})", a=a)
            c.add("np.histogram(a, bins=np.array(e))", a=a, e=edges)
            c.add(f"np.histogram(a, bins={bins}, weights=w)", a=a, w=w, atol=1e-12 * scale)
            c.add(f"np.histogram(a, {edges!r}, weights=w)", a=a, w=w, atol=1e-12 * scale)
            c.add(f"np.histogram(a, bins={bins}, range=({lo!r}, {hi!r}), weights=w)", a=a, w=w, atol=1e-12 * scale)
        c.add("np.histogram([1.0, 1.0, 1.0])")
        c.add("np.histogram([1, 2, 3], range=(0, 4))")
        c.add("np.histogram(a, range=(-1.0, 1.0))", a=floats(rng, (20,), special=0))
        c.add("np.histogram(a, range=(-1.0, 1.0), weights=w)", a=floats(rng, (20,), special=0),
              w=floats(rng, (20,), special=0), atol=1e-12 * 60)
        c.add("np.histogram([5, 5], bins=3)")
        c.add("np.histogram([0.0, 1.0, 2.0, 3.0], bins=3)")
        c.add("np.histogram([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], bins=10)")
        c.add("np.histogram([1, 2, 3], bins=[0, 1, 2, 3])")
        c.add("np.histogram([1, 2, 3, nan])")
        c.add("np.histogram([1, 2, 3, inf])")
        c.add("np.histogram([1, 2, 3, nan], range=(0, 4))")
        c.add("np.histogram([1, 2, 3], bins=[3, 2, 1])")
        c.add("np.histogram([1, 2, 3], bins=0)")
        c.add("np.histogram([1, 2, 3], bins=-2)")
        c.add("np.histogram([1, 2, 3], bins=2.5)")
        c.add("np.histogram([1, 2, 3], range=(3, 1))")
        c.add("np.histogram([1, 2, 3], range=(0, inf))")
        c.add("np.histogram([1, 2, 3], weights=[1, 2])")
        c.add("np.histogram([1, 2, 3], bins=[1, 1, 3])")
        c.add("np.histogram([1, 2, 3], range=(2, 2))")
        c.add("np.histogram([0.5, 1.5], bins=1, weights=[True, True])")
        c.add("np.histogram(a, bins=7)", a=floats(rng, (1000,), special=0))
        self.check(c)


class PolynomialTests(NumericsTestCase):
    def test_polynomials(self):
        rng = numpy.random.default_rng(13013)
        c = Cases()
        for deg in (1, 2, 3):
            for k in range(10):
                n = int(rng.integers(deg + 1, 25))
                x = numpy.sort(rng.uniform(-5, 5, size=n)) if k % 3 else numpy.linspace(-2, 3, n)
                coef = rng.normal(0, 2, size=deg + 1)
                y = numpy.polyval(coef, x)
                if k % 2:
                    y = y + rng.normal(0, 0.5, size=n)
                big = float(numpy.abs(numpy.polyfit(x, y, deg)).max())
                c.add(f"np.polyfit(x, y, {deg})", x=x, y=y, rtol=1e-9, atol=1e-9 * big)
                w = rng.uniform(0.5, 2.0, size=n)
                bigw = float(numpy.abs(numpy.polyfit(x, y, deg, w=w)).max())
                c.add(f"np.polyfit(x, y, deg={deg}, w=w)", x=x, y=y, w=w, rtol=1e-9, atol=1e-9 * bigw)
                c.add(f"np.polyval(p, x)", p=coef, x=x, atol=1e-12 * float(numpy.polyval(numpy.abs(coef), numpy.abs(x)).max()))
        c.add("np.polyfit(x, y, 1)", x=numpy.arange(6), y=numpy.array([1, 3, 5, 7, 9, 11]), rtol=1e-9, atol=1e-9)
        c.add("np.polyfit([0, 1, 2], [1.0, 0.0, 1.0], 2)", rtol=1e-9, atol=1e-9)
        c.add("np.polyfit(x, y, 2)", x=numpy.linspace(0, 1, 7), y=floats(rng, (7, 2), special=0), rtol=1e-9, atol=1e-8)
        c.add("np.polyfit(x, y, -1)", x=numpy.arange(5.0), y=numpy.arange(5.0))
        c.add("np.polyfit(x, y, 1)", x=numpy.arange(5.0), y=numpy.arange(4.0))
        c.add("np.polyfit([], [], 1)")
        c.add("np.polyfit(x, y, 1)", x=numpy.ones((2, 2)), y=numpy.ones(2))
        c.add("np.polyval([1, 2, 3], 2)", exact=True)
        c.add("np.polyval([1, 2, 3], 2.5)")
        c.add("np.polyval([1, -2], x)", x=ints(rng, (2, 3)), exact=True)
        c.add("np.polyval(p, x)", p=numpy.array([2.0, 0.0, -1.0]), x=floats(rng, (2, 2)))
        c.add("np.polyval([], x)", x=floats(rng, (3,)))
        c.add("np.polyval([3.5], x)", x=floats(rng, (3,)))
        c.add("np.polyval([1, 0], x)", x=numpy.array([NAN, INF, -INF]))
        c.add("np.polyval([True, 1], [1, 2])", exact=True)
        self.check(c)


class CalculusTests(NumericsTestCase):
    def test_calculus(self):
        rng = numpy.random.default_rng(14014)
        c = Cases()
        # diff
        for k in range(40):
            shape = rshape(rng, 1, 3)
            a = make(rng, "ffib"[k % 4], shape)
            n = int(rng.integers(0, 4))
            axis = int(rng.integers(-len(shape), len(shape)))
            c.add(f"np.diff(a, n={n}, axis={axis})", a=a)
            c.add("np.diff(a)", a=a)
            c.add(f"np.diff(a, {n})", a=a)
        c.add("np.diff([1, 4, 9, 16])", exact=True)
        c.add("np.diff(a, n=-1)", a=floats(rng, (3,)))
        c.add("np.diff(a)", a=numpy.array(1.0))
        c.add("np.diff(a, axis=1)", a=floats(rng, (3,)))
        c.add("np.diff(a, n=5)", a=floats(rng, (3,)))
        # gradient (1-D)
        for k in range(40):
            n = int(rng.integers(0, 10))
            f = floats(rng, (n,), special=0.05, specials=[NAN, INF]) if k % 4 else ints(rng, (n,))
            spacing = float(rng.uniform(0.1, 3.0))
            x = numpy.cumsum(rng.uniform(0.1, 2.0, size=n)) - 3
            m = float(numpy.abs(f[numpy.isfinite(f)]).max()) + 1 if n and numpy.isfinite(f).any() else 1.0
            atol = 1e-12 * m / 0.1
            for order in (1, 2):
                c.add(f"np.gradient(f, edge_order={order})", f=f, atol=atol)
                c.add(f"np.gradient(f, {spacing!r}, edge_order={order})", f=f, atol=atol / spacing)
                if n >= 2:  # (numpy fails on shorter coordinates with an IndexError of its own making)
                    c.add(f"np.gradient(f, x, edge_order={order})", f=f, x=x, atol=atol * 10)
            if n >= 2:
                c.add("np.gradient(f, x)", f=f, x=x.astype(numpy.int64) if k % 5 == 0 else x, atol=atol * 10)
        c.add("np.gradient([1, 4, 9, 16, 25])", exact=True)
        c.add("np.gradient([1.0, 2.0], edge_order=2)")
        c.add("np.gradient([1.0])")
        c.add("np.gradient(f, x)", f=floats(rng, (4,)), x=numpy.array([0.0, 1.0, 2.0]))
        c.add("np.gradient(f, edge_order=3)", f=floats(rng, (4,)))
        c.add("np.gradient(f, x)", f=floats(rng, (4,), special=0), x=numpy.array([0.0, 1.0, 1.0, 2.0]))
        # trapezoid / trapz
        for k in range(40):
            shape = rshape(rng, 1, 2 if k == 0 else 1)
            y = make(rng, "ffi"[k % 3], shape, special=0.05, specials=[NAN, INF])
            n = shape[-1]
            x = numpy.cumsum(rng.uniform(0.1, 2.0, size=n))
            dx = float(rng.uniform(0.1, 2.0))
            atol = 1e-12 * (abs_scale(y) + 1) * 4
            for name in ("trapezoid", "trapz"):
                np_expr = lambda e: e.replace("np.trapz(", "np.trapezoid(")  # numpy 2.4 has no trapz
                c.add(f"np.{name}(y)", y=y, atol=atol, np_expr=np_expr(f"np.{name}(y)"))
                c.add(f"np.{name}(y, x)", y=y, x=x, atol=atol * 2, np_expr=np_expr(f"np.{name}(y, x)"))
                c.add(f"np.{name}(y, dx={dx!r})", y=y, atol=atol * 2, np_expr=np_expr(f"np.{name}(y, dx={dx!r})"))
        c.add("np.trapezoid([1, 2, 3])", exact=True)
        c.add("np.trapezoid(y)", y=floats(rng, (3, 4), special=0), atol=1e-12)
        c.add("np.trapz(y, dx=0.5)", y=floats(rng, (2, 3), special=0), atol=1e-12, np_expr="np.trapezoid(y, dx=0.5)")
        # interp
        for k in range(40):
            m = int(rng.integers(2, 8))
            xp = numpy.cumsum(rng.uniform(0.1, 2.0, size=m)) - 4
            fp = floats(rng, (m,), special=0) if k % 3 else ints(rng, (m,))
            x = floats(rng, rshape(rng, 0, 2), scale=4.0, special=0.1, specials=[NAN, INF, -INF])
            if x.size:
                x.flat[0] = xp[int(rng.integers(0, m))]
            atol = 1e-12 * (float(numpy.abs(fp).max()) + 1)
            c.add("np.interp(x, xp, fp)", x=x, xp=xp, fp=fp, atol=atol)
            c.add("np.interp(x, xp, fp, left=-100.0, right=nan)", x=x, xp=xp, fp=fp, atol=atol)
            c.add("np.interp(x, xp, fp, right=7)", x=x, xp=xp, fp=fp, atol=atol)
            c.add(f"np.interp({float(rng.uniform(-5, 5))!r}, xp, fp)", xp=xp, fp=fp, atol=atol)
            c.add("np.interp(x.tolist(), xp.tolist(), fp.tolist())", x=x, xp=xp, fp=fp, atol=atol)
        c.add("np.interp(2.5, [1, 2, 3], [3, 2, 0])", exact=True)
        c.add("np.interp([0, 1, 2], [1, 2, 3], [3, 2, 0])", exact=True)
        c.add("np.interp(1.0, [], [])")
        c.add("np.interp(1.0, [1, 2], [1, 2, 3])")
        c.add("np.interp(x, xp, fp)", x=floats(rng, (2, 3)), xp=numpy.array([-1.0, 0.0, 1.0]), fp=numpy.array([1.0, 0.0, 1.0]))
        c.add("np.interp([0.5, 1.5], [0, 1, 2], [0, inf, 0])")
        c.add("np.interp([-1.0, 0.0, 2.0, inf], [0.0], [3.0])")
        self.check(c)


class RandomTests(NumericsTestCase):
    def test_random_legacy_stream(self):
        """After np.random.seed(s), the legacy draws are numpy's, bit for bit."""
        c = Cases()
        sequences = [
            "np.random.random(5), np.random.random(), np.random.random((2, 3)), np.random.random_sample(4), np.random.random_sample()",
            "np.random.rand(3, 2), np.random.rand(), np.random.rand(4)",
            "np.random.uniform(-2.0, 5.0, 6), np.random.uniform(), np.random.uniform(3, 4, size=(2, 2)), np.random.uniform(low=1.0, size=3)",
            "np.random.normal(size=5), np.random.normal(), np.random.normal(10.0, 0.5, 3), np.random.normal(loc=-1.0, scale=2.0, size=(2, 2))",
            "np.random.standard_normal(3), np.random.standard_normal(), np.random.randn(2, 3), np.random.randn()",
            "np.random.normal(size=3), np.random.random(2), np.random.normal(size=2)",
            "np.random.normal(), np.random.uniform(), np.random.normal(), np.random.normal()",
            "np.random.randint(0, 10, 8), np.random.randint(5), np.random.randint(-5, 5, size=(2, 3)), np.random.randint(7, size=4)",
            "np.random.randint(0, 256, 6), np.random.randint(0, 2**31, 4), np.random.randint(0, 2**40, 3), np.random.randint(-2**40, 2**40, 3)",
            "np.random.randint(0, 1, 5), np.random.randint(100, 101), np.random.randint(0, 2, 10), np.random.randint(-3, -1, 5)",
            "np.random.randint(0, 1000, 10), np.random.randint(0, 2**32, 3), np.random.randint(0, 2**32 + 1, 3), np.random.randint(0, 3, 10)",
            "np.random.poisson(3.5, 10), np.random.poisson(), np.random.poisson(0.5, size=(2, 2)), np.random.poisson(9.99, 5)",
            "np.random.poisson(10.0, 10), np.random.poisson(50.5, 5), np.random.poisson(1000.0, 5), np.random.poisson(lam=12, size=4)",
            "np.random.poisson(0.0, 3), np.random.poisson(1e-3, 5), np.random.poisson(25)",
            "np.random.random(3), np.random.poisson(30.0, 3), np.random.normal(size=3), np.random.randint(0, 50, 3), np.random.uniform(size=2), np.random.poisson(2.0, 3)",
            "np.random.random(0), np.random.normal(size=0), np.random.randint(0, 5, size=0), np.random.poisson(5.0, 0)",
            "np.random.random(size=(2, 0)), np.random.random(1)",
            "[np.random.random() for _ in range(5)], [np.random.randint(0, 6) for _ in range(5)]",
            "np.random.random(1000)[[0, 1, 500, 998, 999]], np.random.normal(size=1001)[[0, 999, 1000]], np.random.poisson(20.0, 500)[-3:]",
        ]
        for seed in (0, 1, 42, 12345, 2**32 - 1):
            for seq in sequences:
                c.add(f"({seq})", setup=f"np.random.seed({seed})", exact=True)
        c.add("(a, b)", setup="np.random.seed(7)\na = np.random.normal(size=3)\nnp.random.seed(7)\nb = np.random.normal(size=3)", exact=True)
        c.add("(a, b)", setup="np.random.seed(7)\nnp.random.normal()\na = np.random.normal()\nnp.random.seed(7)\nb = np.random.normal()", exact=True)
        c.add("np.random.random(3)", setup="np.random.seed(np.int64(5))", exact=True)
        c.add("np.random.randint(5, 1)")
        c.add("np.random.randint(0, 5, size=-1)")
        c.add("np.random.seed(-1)")
        c.add("np.random.seed(2**32)")
        c.add("np.random.poisson(-1.0)")
        c.add("np.random.normal(0.0, -1.0)")
        c.add("np.random.uniform(1.0, 0.0, 3)", setup="np.random.seed(3)", exact=True)
        self.check(c)


class ErrorTests(NumericsTestCase):
    def test_errors(self):
        """The same exception type as numpy."""
        c = Cases()
        for expr in [
            "np.zeros(3) + np.zeros(4)", "np.add(np.ones((2, 3)), np.ones((3, 2)))", "np.zeros((2, 3)) * np.zeros((2,))",
            "np.arange(5)[5]", "np.arange(5)[-6]", "np.zeros((2, 3))[2, 0]", "np.zeros((2, 3))[0, 3]", "np.zeros(3)[0, 0]",
            "np.zeros(3)[[0, 3]]", "np.zeros(3)[np.array([True, False])]", "np.zeros(3)[1.0]", "np.zeros(3)[1.5]",
            "np.zeros(3)['a']", "np.zeros(3)[None, 5]", "np.zeros(3)[..., ...]", "np.zeros(())[0]",
            "np.arange(6).reshape(4, 2)", "np.arange(6).reshape((4, -1))", "np.arange(6).reshape(-1, -1)", "np.reshape(np.arange(6), (5,))",
            "np.argmax(np.zeros(0))", "np.argmin([])", "np.max([])", "np.min(np.zeros((0, 3)), axis=0)", "np.ptp([])",
            "np.zeros(-1)", "np.ones((2, -3))", "np.zeros(2.5)", "np.full((2,), [1, 2, 3])", "np.eye(-1)",
            "np.array([1, 2]) @ np.array([1, 2, 3])", "np.dot(np.ones((2, 3)), np.ones((2, 3)))", "np.matmul(np.ones(3), 2.0)",
            "np.concatenate([np.zeros(2), np.zeros((2, 2))])", "np.concatenate([np.zeros((2, 2)), np.zeros((3, 3))])",
            "np.concatenate([])", "np.stack([np.zeros(2), np.zeros(3)])", "np.stack([])", "np.vstack([np.zeros(2), np.zeros(3)])",
            "np.transpose(np.zeros((2, 3)), (0, 0))", "np.transpose(np.zeros((2, 3)), (0,))", "np.transpose(np.zeros((2, 3)), (0, 2))",
            "np.sum(np.zeros(3), axis=1)", "np.sum(np.zeros(3), axis=-2)", "np.mean(np.zeros((2, 2)), axis=(0, 0))",
            "np.sum(np.zeros(3), axis=0.5)", "np.cumsum(np.zeros(3), axis=1)", "np.argmax(np.zeros(3), axis=1)",
            "np.squeeze(np.zeros((2, 1)), axis=0)", "np.expand_dims(np.zeros(2), 3)", "np.flip(np.zeros(2), 1)",
            "np.linspace(0, 1, -1)", "np.linspace(0, 1, 2.5)", "np.arange(0, 10, 0)", "np.logspace(0, 1, -2)",
            "np.percentile([1, 2], 101)", "np.percentile([1, 2], -1)", "np.quantile([1, 2], 1.5)", "np.quantile([1, 2], [0.5, -0.5])",
            "np.array([1, 2]) ** -1", "np.power(np.array([2]), np.array([-2]))", "np.bitwise_and(np.ones(2), 1)", "~np.ones(2)",
            "np.invert(np.array([0.5]))", "np.negative(np.array([True]))", "np.array([True]) - np.array([False])",
            "np.diff(np.zeros(3), n=-1)", "np.diff(np.array(1.0))", "np.gradient([1.0])", "np.gradient([1.0, 2.0], edge_order=2)",
            "np.gradient(np.zeros(3), np.zeros(2))", "np.interp(0.5, [], [])", "np.interp(0.5, [0, 1], [0, 1, 2])",
            "np.histogram([1, 2], bins=0)", "np.histogram([1, 2], bins=[2, 1])", "np.histogram([1, 2], range=(2, 1))",
            "np.histogram([1, 2], weights=[1])", "np.histogram([nan, 1.0])", "np.polyfit([1, 2, 3], [1, 2], 1)",
            "np.polyfit([1, 2, 3], [1, 2, 3], -1)", "np.searchsorted([1, 2], 1, side='up')",
            "np.random.randint(3, 3)", "np.random.seed(-5)", "np.random.poisson(-2.0)", "np.random.normal(0, -1)",
            "np.array([[1, 2], [3]])", "np.array([1, 'a'], dtype=float)", "np.array(nan, dtype=int)",
            "np.zeros((2, 2)).item()", "np.zeros(2).item(5)",
            "bool(np.zeros(2))", "len(np.array(1.0))", "float(np.zeros(2))", "int(np.zeros((2, 2)))",
            "np.clip(np.zeros(3), None, None)", "np.where(np.zeros(3) > 0, np.zeros(2), 1)", "np.where(np.zeros(3) > 0, 1)",
            "np.isclose(np.zeros(3), np.zeros(2))", "np.nonzero(np.array(1.0))", "np.zeros(3).fill([1, 2])",
            "np.zeros(3).sort(axis=1)", "np.sort(np.zeros(3), axis=1)", "np.argsort(np.zeros(3), axis=2)",
            "np.meshgrid([1, 2], [3], indexing='xx')", "np.eye(2, k=0.5)",
            "np.zeros(3).reshape(3, 1).T @ np.zeros(2)", "np.unique(np.zeros(3))[5]", "np.shape(np.zeros(3))[1]",
        ]:
            c.add(expr)
        for stmt in ["a[3] = 1", "a[0] = [1, 2]", "a[:2] = [1, 2, 3]", "a[np.array([True])] = 1", "a[1.0] = 1",
                     "a[0] = 'x'", "a += np.ones(4)", "a[[0, 5]] = 1", "a[None, None, None] = np.zeros((2, 3))"]:
            c.add("a", setup=stmt, a=numpy.zeros(3))
        for stmt in ["i[0] = nan", "i[0] = inf", "i += 0.5", "i /= 2", "i[0] += 0.5", "m = i.astype(bool)\nm -= m"]:
            c.add("i", setup=stmt, i=numpy.arange(3))
        self.check(c)


if __name__ == "__main__":
    unittest.main()
