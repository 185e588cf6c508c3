d = {"key": "val"}
print(f"{d['key']}")
print(f'{d["key"]}')
print(f"""{d["key"]} and {d['key']}""")
print(f"{'a' + 'b'}")
print(f'{"q"!r}')
