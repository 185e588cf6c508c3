it = iter(["only"])
print(next(it))
print(next(it))
