records = [("ann", 3), ("bob", 1), ("cy", 3), ("di", 2), ("ed", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: -r[1]))
lst = [5, 3, 5, 1]
lst.sort(key=lambda x: x % 2)
print(lst)
