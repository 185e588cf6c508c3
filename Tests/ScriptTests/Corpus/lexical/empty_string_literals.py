print(repr(''), repr(""), repr(''''''), repr(""""""))
print(len('') + len("") + len(r''))
print('' + 'a' + '')
print(bool(''), bool(' '))
