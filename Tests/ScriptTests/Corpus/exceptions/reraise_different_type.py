def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError("no such setting: " + k)
cfg = {"a": 1}
print(lookup(cfg, "a"))
try:
    lookup(cfg, "b")
except ValueError as e:
    print(e)
except KeyError:
    print("key error leaked")
