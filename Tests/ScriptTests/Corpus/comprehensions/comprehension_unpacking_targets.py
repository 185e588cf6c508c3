pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n for n, _ in pairs])
print([s * n for n, s in pairs])
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print({k: v for k, *v in ["abc", "de"]})
