def read_lines():
    for line in ["# header", "1 2", "", "3 4", "# note", "5 6"]:
        yield line
def skip_comments(lines):
    for line in lines:
        if line and not line.startswith("#"):
            yield line
def parse(lines):
    for line in lines:
        a, b = line.split()
        yield int(a), int(b)
def products(pairs):
    for a, b in pairs:
        yield a * b
print(list(products(parse(skip_comments(read_lines())))))
