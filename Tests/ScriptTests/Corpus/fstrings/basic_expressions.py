x = 3
y = 4
name = "Ada"
print(f"{x}")
print(f"{x} + {y} = {x + y}")
print(f"hello {name}!")
print(f"{name.upper()} {len(name)}")
print(f"{[x, y]} {(x, y)} {{'k': x}}")
print(f"{x * 2 if x > 2 else 0}")
d = {"k": 10}
print(f"{d['k']}")
print(F"{x}{y}")
