results = []
for v in ["1", "x", "3", "stop", "5"]:
    try:
        if v == "stop":
            break
        n = int(v)
    except ValueError:
        results.append("bad")
        continue
    finally:
        results.append("f")
    results.append(n)
print(results)
