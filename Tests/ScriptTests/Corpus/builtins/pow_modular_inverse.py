print(pow(3, -1, 7))
print(pow(2, -1, 5) * 2 % 5)
print(pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError:
    print("not invertible")
