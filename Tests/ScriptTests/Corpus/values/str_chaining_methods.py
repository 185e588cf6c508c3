raw = "  Sample: LaB6 , Temp: 300K  "
parts = [p.strip() for p in raw.strip().split(",")]
print(parts)
fields = {}
for p in parts:
    k, _, v = p.partition(":")
    fields[k.strip().lower()] = v.strip()
print(fields)
print(fields["temp"].rstrip("K"), int(fields["temp"].rstrip("K")) + 1)
print("-".join(w.capitalize() for w in "a quick test".split()))
