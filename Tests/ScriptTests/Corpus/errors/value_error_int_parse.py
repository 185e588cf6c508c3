text = "12.5"
print("parsing", text)
print(int(text))
