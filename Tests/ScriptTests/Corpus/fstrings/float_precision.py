x = 3.14159265
print(f"{x:.3f}")
print(f"{x:.0f}")
print(f"{x:f}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f}")
print(f"{-0.0001:.2f}")
print(f"{1e20:.2f}")
print(f"{7:.2f}")
print(f"{x:.10f}")
