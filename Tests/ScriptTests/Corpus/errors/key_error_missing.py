cfg = {"energy": 12.4, "sample": "LaB6"}
print(cfg["energy"])
print(cfg["exposure"])
