inventory = [
    {"item": "detector", "qty": 2, "price": 1250.0},
    {"item": "motor", "qty": 5, "price": 310.5},
    {"item": "cable", "qty": 40, "price": 3.25},
    {"item": "mirror", "qty": 1, "price": 9800.0},
]
print(f"{'item':<10}{'qty':>5}{'value':>12}")
total = 0.0
for row in sorted(inventory, key=lambda r: r["qty"] * r["price"], reverse=True):
    value = row["qty"] * row["price"]
    total += value
    print(f"{row['item']:<10}{row['qty']:>5}{value:>12,.2f}")
print(f"{'total':<15}{total:>12,.2f}")
cheap = [r["item"] for r in inventory if r["price"] < 500]
print("cheap:", ", ".join(cheap))
