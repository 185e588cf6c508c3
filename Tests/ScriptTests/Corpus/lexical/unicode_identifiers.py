π = 3.14159
größe = 2
naïve_value = π * größe
print(naïve_value)
def привет(x):
    return x + 1
print(привет(41))
