# String building: f-strings with format specs, str.join over a list of parts,
# and += concatenation, the way cells assemble log lines and report text.


def build_lines(n):
    lines = []
    for i in range(n):
        x = i * 0.001
        lines.append(f"{i:>6} energy={x:.3f} keV sample={'LaB6' if i % 2 else 'Si'}")
    return "\n".join(lines)


def build_csv(n):
    out = ""
    for i in range(n):
        row = ",".join([str(i), str(i * 2), str(i % 10)])
        out += row
        out += ";"
    return out


text = build_lines(200_000)
csv = build_csv(100_000)
print(len(text), len(text.split("\n")), len(csv), len(csv.split(";")))
