# Dicts across the size where lookups switch from scanning to an index, with deletions,
# re-insertions, compaction, popitem, copies, equality and mixed numeric keys.
d = {}
for n in range(20):
    d[f"k{n}"] = n
    assert all(d[f"k{i}"] == i for i in range(n + 1))
print(len(d), list(d)[:3], list(d)[-3:])

for n in range(0, 20, 3):
    del d[f"k{n}"]
print(len(d), list(d.items())[:4])
for n in range(0, 20, 6):
    d[f"k{n}"] = -n
print(len(d), list(d)[-4:], d.get("k3"), d.get("k6"), "k9" in d)

small = {"a": 1, "b": 2, "c": 3}
del small["b"]
small["b"] = 20
small["d"] = 4
print(small, small.popitem(), small, len(small))
for _ in range(30):
    small["x"] = 1
    del small["x"]
print(small, len(small))

queue = {}
for i in range(100):
    queue[i] = i * i
    if i >= 5:
        del queue[i - 5]
print(sorted(queue.items()), len(queue))

mixed = {1: "one", 2.0: "two", True: "true?", "1": "str"}
print(mixed, mixed[1.0], mixed[2], len(mixed))
copy = dict(d)
print(copy == d, copy is d, {**small, "z": 26})
copy["new"] = 1
print(copy == d, len(copy) - len(d))
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big[999], sum(big))
try:
    for key in big:
        big[key + 1] = "x"
except RuntimeError as e:
    print("RuntimeError", e)
print({k: v for k, v in zip("abcdefghijk", range(11)) if v % 2})
