def with_tabs(n):
	total = 0
	for i in range(n):
		if i % 2:
			total += i
	return total

def with_spaces(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(with_tabs(10), with_spaces(10))
