x = 3.14159
w = 10
p = 3
print(f"[{x:{w}}]")
print(f"[{x:{w}.{p}f}]")
print(f"[{'hi':>{w}}]")
align = "<"
print(f"[{'hi':{align}{w}}]")
for width in (4, 6):
    print(f"[{42:{width}}]")
