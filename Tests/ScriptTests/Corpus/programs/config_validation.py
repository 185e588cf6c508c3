schema = {"energy": (float, 5.0, 25.0), "n": (int, 1, 1000), "sample": (str, None, None)}
def validate(cfg):
    errors = []
    for key, (typ, lo, hi) in schema.items():
        if key not in cfg:
            errors.append(f"missing {key}")
            continue
        v = cfg[key]
        if not isinstance(v, typ) or isinstance(v, bool):
            errors.append(f"{key}: expected {typ}")
        elif lo is not None and not lo <= v <= hi:
            errors.append(f"{key}: {v} not in [{lo}, {hi}]")
    for key in cfg:
        if key not in schema:
            errors.append(f"unknown {key}")
    return errors or ["ok"]
print(validate({"energy": 12.4, "n": 10, "sample": "Si"}))
print(validate({"energy": 30.0, "n": True, "extra": 1}))
print(validate({"energy": 7, "n": 0, "sample": "x"}))
