rows = [("H", 1.008), ("He", 4.0026), ("Li", 6.94)]
print(f"{'sym':<4}|{'mass':>8}")
for sym, mass in rows:
    print(f"{sym:<4}|{mass:>8.3f}")
total = sum(m for _, m in rows)
print(f"{'sum':<4}|{total:>8.3f}")
