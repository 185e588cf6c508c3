# Strings as dict keys and set members compared by code points (as CPython does: a
# precomposed and a decomposed accent are different strings), subscripts of local lists
# and dicts, and f-strings with ints, long results and nesting.
e1 = "\u00e9"
e2 = "e\u0301"
print(e1 == e2, e1 != e2, len(e1), len(e2))
d = {e1: 1}
print(e2 in d, e1 in d, d.get(e2), len({e1, e2}))
d[e2] = 2
print(sorted(d.values()), list(d) == [e1, e2])

keys = ["k" + str(i) for i in range(-3, 20)]
table = {}
for i in range(len(keys)):
    table[keys[i]] = i
total = 0
for k in keys:
    total += table[k]
print(total, len(table), table["k-3"], table["k19"])
print(table.get("k20"), "k5" in table, "k 5" in table)
try:
    print(table["missing"])
except KeyError as err:
    print("KeyError", err)
try:
    print(table[[1]])
except TypeError as err:
    print("TypeError", err)

mixed = {1: "int", 2.5: "float", "1": "str", (1, "a"): "tuple", None: "none"}
print(mixed[1.0], mixed[True], mixed["1"], mixed[(1, "a")], mixed[None], mixed[2.5])
xs = [10, 20, 30]
i = -1
print(xs[i], xs[0], xs[-3])
try:
    print(xs[3])
except IndexError as err:
    print("IndexError", err)
try:
    print(xs["a"])
except TypeError as err:
    print("TypeError", err)

for n in [0, 7, -7, 1234567890123, -9223372036854775807 - 1, 9223372036854775807]:
    print(f"[{n}]", str(n), repr(n), f"{n}{n}")
long = f"{'x' * 300}|{12345}|{'y' * 10}"
print(len(long), long[295:320])
many = "".join(f"{i}," for i in range(200))
print(len(many), many[:30], many[-20:])
inner = f"a{f'b{1 + 1}c'}d"
print(inner)
print(f"{'é' * 3}{-42}{'日本'}", f"{e1}{e2}")

for text in ["a;b;;c;", "", ";", "é;日本;🙂", "no separator", ";;;"]:
    print(text.split(";"), len(text), text.split(";", 1), len(text.split(";")))
print(len("é" * 3), len("🙂x"), f"{'é':>5}|{'日本':*^7}|{'🙂x':<4}|", "{:>6}|".format("ab"))
