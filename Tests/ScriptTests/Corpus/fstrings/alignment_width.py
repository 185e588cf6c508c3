s = "ab"
n = 42
print(f"[{s:>8}]")
print(f"[{s:<8}]")
print(f"[{s:^8}]")
print(f"[{s:^7}]")
print(f"[{s:8}]")
print(f"[{n:8}]")
print(f"[{n:<8}]")
print(f"[{n:^8}]")
print(f"[{s:*^9}]")
print(f"[{n:->6}]")
print(f"[{s:1}]")
