# Parameters
limits = {"low": float('-inf'), "high": float('inf'), "bad": float('nan')}
weights = [0.1, 0.2, 0.7]

print(repr(limits))
print(limits['low'] < 0 < limits['high'], limits['bad'] == limits['bad'])
print(repr(weights), round(sum(weights), 10))
