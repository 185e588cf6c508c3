s = "abcdef"
print(f"[{s:.3}]")
print(f"[{s:>10.2}]")
print(f"[{s:<4}]")
print(f"[{'':>3}]")
print(f"[{'é':^5}]")
