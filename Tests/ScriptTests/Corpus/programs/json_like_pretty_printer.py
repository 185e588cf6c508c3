def dump(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        print("{")
        items = list(obj.items())
        for i, (k, v) in enumerate(items):
            print(f"{pad}  {k!r}: ", end="")
            dump(v, indent + 1)
        print(pad + "}")
    elif isinstance(obj, list):
        print("[" + ", ".join(repr(x) for x in obj) + "]")
    else:
        print(repr(obj))
dump({"run": 42, "meta": {"sample": "LaB6", "temps": [300, 310.5]}, "ok": True, "note": None})
