x = 0.1234
print(f"{x:%}")
print(f"{x:.1%}")
print(f"{x:.0%}")
print(f"{1:%}")
print(f"{0.5:.2%}")
print(f"{-0.25:.1%}")
