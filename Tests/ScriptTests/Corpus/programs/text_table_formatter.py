rows = [["name", "energy", "counts"], ["LaB6", 12.4, 104233], ["Si", 8.04, 9981], ["CeO2", 17.0, 0]]
cols = list(zip(*rows))
widths = [max(len(str(v)) for v in col) for col in cols]
def fmt_row(row):
    cells = []
    for v, w in zip(row, widths):
        cells.append(str(v).rjust(w) if isinstance(v, (int, float)) else str(v).ljust(w))
    return "| " + " | ".join(cells) + " |"
sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(sep)
print(fmt_row(rows[0]))
print(sep)
for r in rows[1:]:
    print(fmt_row(r))
print(sep)
