# parameters (template defaults)
energy = 12.4
sample = "LaB6"
scan_range = [-1, 1]
num = 5

# Parameters
energy = 8.0
sample = "Si"
scan_range = [-2, 2]

print(energy, sample, scan_range, num)
step = (scan_range[1] - scan_range[0]) / (num - 1)
print([scan_range[0] + i * step for i in range(num)])
print(f"{sample} at {energy:.2f} keV")
