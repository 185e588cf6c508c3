names = ["det1", "det2"]
rows = [{"name": n, "index": i, "enabled": i % 2 == 0} for i, n in enumerate(names)]
print(rows)
print([r["name"] for r in rows if r["enabled"]])
lookup = {r["name"]: r for r in rows}
print(lookup["det2"]["index"])
