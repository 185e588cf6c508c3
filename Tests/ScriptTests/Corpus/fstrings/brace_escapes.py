x = 5
print(f"{{}}")
print(f"{{x}}")
print(f"{{{x}}}")
print(f"{{ {x} }}")
print(f"a{{b")
print(f"}}{x}{{")
