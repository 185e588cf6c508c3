name = "sample"
print(name.upper())
print(name.uppercase())
