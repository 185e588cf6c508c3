items = ["a", 1, None, 2.0, "b c"]
print(items)
print(str(items))
print("items: %s" % (items,))
print(f"items: {items}")
print(("x",), ["x"], {"x": "y"})
print(str("x"), repr("x"), [str("x")])
