x = 1234.5
print(f"{x:e}")
print(f"{x:.2e}")
print(f"{x:E}")
print(f"{0.000123:e}")
print(f"{0:e}")
print(f"{-1e-10:.3e}")
print(f"{1e100:.1e}")
