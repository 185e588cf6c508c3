vals = [1.5, 22.25, 333.125]
total = sum(vals)
print(f"{total:.2f} {total / len(vals):8.3f}|")
print(f"{max(vals) - min(vals):+.1f}")
print(f"{len(vals) * 100:,d}")
print(f"{vals[1]!r:>10}|{vals[1]!s:<10}|")
print(f"{'yes' if total > 300 else 'no':^7}|")
print(f"{(lambda x: x * 2)(21)}")
