s = "it's"
n = 3.0
print(f"{s}|{s!s}|{s!r}")
print(f"{n!r} {n!s}")
print(f"{None!r} {True!s}")
lst = ["a", 1]
print(f"{lst!s} {lst!r}")
print(f"{'x'!r:>6}|")
print(f"{'tab	'!r}")
