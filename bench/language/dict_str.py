# Dict with string keys: 200,000 insertions then 200,000 lookups (plus `in` tests).
# Keys are built beforehand ("k" + str(i)) for the first dict, and with f-strings
# inline for the second, so both key construction and hashing are exercised.


def with_prebuilt_keys(n):
    keys = ["k" + str(i) for i in range(n)]
    d = {}
    for i in range(n):
        d[keys[i]] = i
    check = 0
    for k in keys:
        check += d[k]
    return check + len(d)


def with_fstring_keys(n):
    d = {}
    for i in range(n):
        d[f"key_{i}"] = i * 3
    check = 0
    hits = 0
    for i in range(n):
        k = f"key_{i}"
        if k in d:
            hits += 1
            check += d[k]
    return check + hits


N = 200_000
print(with_prebuilt_keys(N), with_fstring_keys(N))
