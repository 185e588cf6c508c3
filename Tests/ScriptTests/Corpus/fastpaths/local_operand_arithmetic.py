# `local OP constant` and `local OP local` with ints, floats, bools, negatives, zero and
# overflow, against CPython's results and errors.
def ops(x, y):
    out = [x + 1, x - 1, x * 3, x // 4, x % 4, x + y, x - y, x * y]
    if y != 0:
        out += [x / y, x // y, x % y]
    return out


for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (7.5, 2), (-7.5, 2.0), (3, 0.5), (True, 2), (2, False)]:
    print(x, y, ops(x, y))


def compare(a, b):
    return [a < 2, a <= 2, a > 2, a >= 2, a == 2, a != 2, a < b, a <= b, a > b, a >= b, a == b, a != b]


for a, b in [(1, 2), (2, 2), (3, 2), (1.5, 2.5), (2.0, 2), (True, 1), ("a", "b"), (None, None)]:
    try:
        print(a, b, compare(a, b))
    except TypeError as e:
        print(a, b, "TypeError", e)


def big(n):
    return n * 3 - n


print(big(2 ** 61), big(-(2 ** 61)))


def mod_zero(n):
    return n % 0


try:
    mod_zero(5)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def strings(s, t):
    return s + t, s * 2


print(strings("ab", "cd"))


def unbound_operand():
    if False:
        z = 1
    return z + 1


try:
    unbound_operand()
except UnboundLocalError as e:
    print("UnboundLocalError")


for expr in [lambda: 5 % 0, lambda: 5 // 0, lambda: 5 / 0, lambda: 5.0 % 0, lambda: 5.0 // 0,
             lambda: divmod(5, 0), lambda: divmod(5.0, 0), lambda: divmod(5, 0.0)]:
    try:
        expr()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


def scaled(x):
    return [x * 0.5, x + 0.25, x - 1.5, x / 4.0, x * -2.0, x / 0.1]


for x in [0, 3, -7, 2.5, -0.0, True, 10 ** 15]:
    print(x, scaled(x))
for bad in ["s", None, [1]]:
    try:
        print(scaled(bad))
    except TypeError as e:
        print("TypeError", e)


def by_zero(x):
    return x / 0.0


try:
    by_zero(1.5)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
