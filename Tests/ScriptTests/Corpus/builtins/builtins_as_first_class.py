funcs = [len, str, abs, sorted]
args = ["abc", 12, -3, "cab"]
for fn, a in zip(funcs, args):
    print(fn(a))
conv = {"int": int, "float": float, "str": str}
print(conv["int"]("5") + 1, conv["float"]("2.5"), conv["str"](9) * 2)
print(list(map(max, [1, 5], [3, 2])))
