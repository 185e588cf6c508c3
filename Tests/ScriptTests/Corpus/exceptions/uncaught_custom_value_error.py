def check_energy(e):
    if not 5 <= e <= 25:
        raise ValueError(f"energy {e} keV out of range")
    return e
print(check_energy(12.4))
print(check_energy(30))
