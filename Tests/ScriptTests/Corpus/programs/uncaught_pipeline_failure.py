def parse_rows(lines):
    for n, line in enumerate(lines, 1):
        name, value = line.split("=")
        yield name.strip(), float(value)
lines = ["a = 1.5", "b = 2", "c: 3"]
total = 0.0
for name, value in parse_rows(lines):
    total += value
    print(name, value, total)
print("never printed")
