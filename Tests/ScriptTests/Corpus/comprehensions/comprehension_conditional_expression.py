print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print([n if n > 0 else 0 for n in [-2, 3, -1, 4]])
print({n: ("big" if n > 2 else "small") for n in range(5)})
print([(x, "fizz" if x % 3 == 0 else "buzz" if x % 5 == 0 else x) for x in range(1, 16) if x % 3 == 0 or x % 5 == 0])
