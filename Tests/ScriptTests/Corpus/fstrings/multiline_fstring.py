name = "motor"
pos = 1.23456
s = f"""Device: {name}
Position: {pos:.2f}
Done: {pos > 1}"""
print(s)
t = (f"a={1} "
     f"b={2}")
print(t)
