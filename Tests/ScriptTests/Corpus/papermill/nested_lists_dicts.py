# Parameters
roi = [10, 20, 30, 40]
grid = [[0, 1], [2, [3, 4]], []]
opts = {"fit": True, "model": "gauss", "bounds": [-1.5, 2.5], "extra": {"k": None}}
names = ["det1", "det \"2\"", "d\xe9j"]
empty_list = []
empty_dict = {}

print(repr(roi), sum(roi))
print(repr(grid), grid[1][1][0])
print(repr(opts))
print(opts['bounds'][1] - opts['bounds'][0], opts['extra']['k'] is None)
print(repr(names), len(names[1]))
print(repr(empty_list), repr(empty_dict))
