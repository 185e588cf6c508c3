# Parameters
energy = 12.4
sample = "LaB6"
n_points = 11
exposure = 0.5
dry_run = False
fit = True
mask = None

print(repr(energy))
print(repr(sample))
print(repr(n_points))
print(repr(exposure))
print(repr(dry_run))
print(repr(fit))
print(repr(mask))
