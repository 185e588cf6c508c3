vals = [0.1, 1.0, 1e16, 1e-05, 123456789.0, 0.1 + 0.2, 1 / 3, -0.0, 2.5e-7]
for v in vals:
    print(f"{v}")
print(f"{float('nan')} {float('inf')} {-float('inf')}")
