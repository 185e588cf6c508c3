# Parameters
energies = [7.0, 8.5, 10.0]
sample = "Fe foil \"ref\""
repeats = 2
options = {"normalize": True, "offset": -0.25}

for e in energies:
    for r in range(repeats):
        v = e + options['offset'] if options['normalize'] else e
        print(f"{sample!r} E={e:.1f} rep={r} value={v}")
print(len(energies) * repeats, 'points')
