for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5):
    print(f"{v:.0f}", end=" ")
print()
for v in (1.005, 1.015, 1.025, 2.675):
    print(f"{v:.2f}", end=" ")
print()
print(f"{1e-7:.3f} {-1e-7:.3f}")
