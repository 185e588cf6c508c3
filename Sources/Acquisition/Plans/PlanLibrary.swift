/// The built-in plans and plan stubs, written in the cell language itself so they are
/// generators exactly like a user's plans (`yield from scan(...)` composes) and read like
/// bluesky's own. Loaded into every session that binds the run engine.
enum PlanLibrary {
    /// The file name tracebacks show for these plans.
    static let filename = "<beamtime plans>"

    static let source = #"""
_group_counter = [0]

def _new_group(prefix):
    _group_counter[0] += 1
    return f"{prefix}-{_group_counter[0]}"

def _linspace(start, stop, num):
    # numpy.linspace's arithmetic, so positions match bluesky's to the last bit.
    if num == 1:
        return [float(start)]
    div = num - 1
    step = (stop - start) / div
    points = [i * step + start for i in range(num)]
    points[-1] = float(stop)
    return points

def _unique(devices):
    seen = []
    for d in devices:
        for s in seen:
            if d is s:
                break
        else:
            seen.append(d)
    return seen

def _names(devices):
    return [d.name for d in devices]

def open_run(md=None):
    """open_run(md=None): open a run; md is added to its start document. Returns the run uid."""
    return (yield Msg('open_run', **(md or {})))

def close_run(exit_status=None, reason=None):
    """close_run(exit_status=None, reason=None): close the open run (its stop document). Returns the run uid."""
    return (yield Msg('close_run', exit_status=exit_status, reason=reason))

def checkpoint():
    """checkpoint(): a safe point to pause; after a pause, resume() repeats what followed the last checkpoint."""
    return (yield Msg('checkpoint'))

def pause():
    """pause(): pause the run here; RE.resume() continues."""
    return (yield Msg('pause'))

def sleep(time):
    """sleep(time): wait `time` seconds (an interrupt pauses the run)."""
    return (yield Msg('sleep', None, time))

def mvr(*args, group=None):
    """mvr(motor1, delta1, motor2, delta2, ..., group=None): move motors relative to where they are, and wait."""
    if len(args) % 2 != 0:
        raise ValueError("mvr() takes pairs: mvr(motor1, delta1, motor2, delta2, ...)")
    targets = []
    for i in range(0, len(args), 2):
        targets += [args[i], args[i].position + args[i + 1]]
    return (yield from mv(*targets, group=group))

def _stage_all(devices):
    for device in _unique(devices):
        yield Msg('stage', device)

def _unstage_all(devices):
    for device in reversed(_unique(devices)):
        yield Msg('unstage', device)

def one_nd_step(detectors, step, pos_cache):
    """one_nd_step(detectors, step, pos_cache): the default per-step action of scans: move the motors whose target changed, then trigger_and_read(detectors + motors)."""
    motors = list(step.keys())
    moves = []
    for motor, position in step.items():
        if motor not in pos_cache or pos_cache[motor] != position:
            moves += [motor, position]
            pos_cache[motor] = position
    if moves:
        yield from mv(*moves)
    return (yield from trigger_and_read(list(detectors) + motors))

def _scan_nd(detectors, steps, motors, md, per_step):
    per_step = per_step or one_nd_step
    pos_cache = {}
    everything = list(detectors) + list(motors)
    yield from _stage_all(everything)
    yield from open_run(md)
    for step in steps:
        yield Msg('checkpoint')
        yield from per_step(detectors, step, pos_cache)
    yield from close_run()
    yield from _unstage_all(everything)

def _plan_md(plan_name, detectors, motors, num, args, extra, md):
    out = {'detectors': _names(detectors)}
    if motors:
        out['motors'] = _names(motors)
    out['num_points'] = num
    out['num_intervals'] = num - 1
    out['plan_args'] = {'detectors': [repr(d) for d in detectors]}
    out['plan_args'].update(args)
    out['plan_name'] = plan_name
    out.update(extra)
    out.update(md or {})
    return out

def count(detectors, num=1, delay=None, *, per_shot=None, md=None):
    """count(detectors, num=1, delay=None, *, per_shot=None, md=None): take `num` readings of the detectors (num=None: until interrupted), `delay` seconds apart. As bluesky.plans.count."""
    detectors = list(detectors)
    md_num = num if num is not None else None
    info = {'detectors': _names(detectors), 'num_points': md_num,
            'num_intervals': (num - 1) if num is not None else None,
            'plan_args': {'detectors': [repr(d) for d in detectors], 'num': num, 'delay': delay},
            'plan_name': 'count', 'hints': {'dimensions': [[['time'], 'primary']]}}
    info.update(md or {})
    shot = per_shot or (lambda dets: trigger_and_read(dets))
    yield from _stage_all(detectors)
    yield from open_run(info)
    i = 0
    while num is None or i < num:
        yield Msg('checkpoint')
        yield from shot(detectors)
        i += 1
        if delay and (num is None or i < num):
            yield Msg('sleep', None, delay)
    yield from close_run()
    yield from _unstage_all(detectors)

def _inner_product_args(args, plan):
    if len(args) % 3 != 0 or not args:
        raise ValueError(f"{plan}() takes motor, start, stop for each motor: {plan}(detectors, motor1, start1, stop1, ..., num=N)")
    return [(args[i], args[i + 1], args[i + 2]) for i in range(0, len(args), 3)]

def scan(detectors, *args, num=None, per_step=None, md=None):
    """scan(detectors, motor1, start1, stop1, motor2, start2, stop2, ..., num=N, per_step=None, md=None): move the motors together through `num` evenly spaced points (inclusive) and read the detectors at each. As bluesky.plans.scan."""
    if num is None and len(args) % 3 == 1:
        num = args[-1]
        args = args[:-1]
    if num is None:
        raise ValueError("scan() needs num: scan([det], motor, start, stop, num)")
    num = int(num)
    triples = _inner_product_args(args, 'scan')
    motors = [t[0] for t in triples]
    tracks = [_linspace(t[1], t[2], num) for t in triples]
    steps = [{motors[j]: tracks[j][i] for j in range(len(motors))} for i in range(num)]
    flat = [x for t in triples for x in t]
    extra = {'hints': {'dimensions': [[[f for m in motors for f in m.hints['fields']], 'primary']]},
             'plan_pattern': 'inner_product', 'plan_pattern_module': 'bluesky.plan_patterns',
             'plan_pattern_args': {'num': num, 'args': [repr(a) for a in flat]}}
    info = _plan_md('scan', detectors, motors, num, {'num': num, 'args': [repr(a) for a in flat], 'per_step': repr(per_step)}, extra, md)
    return (yield from _scan_nd(detectors, steps, motors, info, per_step))

def _relative(plan_name, plan, detectors, args, positions_of, md, **kw):
    starts = {m: m.position for m in positions_of}
    info = dict(md or {})
    info['plan_name'] = plan_name
    try:
        return (yield from plan(detectors, *args, md=info, **kw))
    finally:
        moves = []
        for m, p in starts.items():
            moves += [m, p]
        if moves:
            yield from mv(*moves)

def rel_scan(detectors, *args, num=None, per_step=None, md=None):
    """rel_scan(detectors, motor1, start1, stop1, ..., num=N): scan() relative to the motors' current positions; they return there afterwards. As bluesky.plans.rel_scan."""
    if num is None and len(args) % 3 == 1:
        num = args[-1]
        args = args[:-1]
    triples = _inner_product_args(args, 'rel_scan')
    shifted = []
    for m, a, b in triples:
        shifted += [m, m.position + a, m.position + b]
    return (yield from _relative('rel_scan', scan, detectors, shifted, [t[0] for t in triples], md, num=num, per_step=per_step))

def list_scan(detectors, *args, per_step=None, md=None):
    """list_scan(detectors, motor1, [points1], motor2, [points2], ...): visit the listed positions together (all lists the same length). As bluesky.plans.list_scan."""
    if len(args) % 2 != 0 or not args:
        raise ValueError("list_scan() takes motor, [positions] pairs")
    motors = [args[i] for i in range(0, len(args), 2)]
    lists = [list(args[i + 1]) for i in range(0, len(args), 2)]
    num = len(lists[0])
    if any(len(l) != num for l in lists):
        raise ValueError("list_scan(): every list of positions must have the same length")
    steps = [{motors[j]: lists[j][i] for j in range(len(motors))} for i in range(num)]
    extra = {'hints': {'dimensions': [[[f for m in motors for f in m.hints['fields']], 'primary']]},
             'plan_pattern': 'inner_list_product', 'plan_pattern_module': 'bluesky.plan_patterns',
             'plan_pattern_args': {'args': [repr(a) for a in args]}}
    info = _plan_md('list_scan', detectors, motors, num, {'args': [repr(a) for a in args], 'per_step': repr(per_step)}, extra, md)
    return (yield from _scan_nd(detectors, steps, motors, info, per_step))

def _grid_steps(axes, snaking):
    steps = [{}]
    for k, (motor, points) in enumerate(axes):
        grown = []
        for n, step in enumerate(steps):
            ordered = points[::-1] if (snaking[k] and n % 2 == 1) else points
            for p in ordered:
                s = dict(step)
                s[motor] = p
                grown.append(s)
        steps = grown
    return steps

def grid_scan(detectors, *args, snake_axes=None, per_step=None, md=None):
    """grid_scan(detectors, motor1, start1, stop1, num1, motor2, start2, stop2, num2, ..., snake_axes=None): an N-dimensional grid, the first motor slowest. snake_axes=True snakes every axis but the first; a list names the motors to snake. As bluesky.plans.grid_scan."""
    if len(args) % 4 != 0 or not args:
        raise ValueError("grid_scan() takes motor, start, stop, num for each motor")
    quads = [(args[i], args[i + 1], args[i + 2], int(args[i + 3])) for i in range(0, len(args), 4)]
    motors = [q[0] for q in quads]
    if snake_axes is True:
        snaking = [False] + [True] * (len(quads) - 1)
    elif not snake_axes:
        snaking = [False] * len(quads)
    else:
        snaking = [any(m is s for s in snake_axes) for m in motors]
        if snaking[0]:
            raise ValueError("grid_scan(): the first (slowest) motor cannot snake")
    axes = [(q[0], _linspace(q[1], q[2], q[3])) for q in quads]
    steps = _grid_steps(axes, snaking)
    shape = [q[3] for q in quads]
    num = 1
    for n in shape:
        num *= n
    flat = [x for q in quads for x in q]
    plan_args = [repr(a) for a in flat] + ([snake_axes] if isinstance(snake_axes, bool) else [])
    extra = {'hints': {'gridding': 'rectilinear', 'dimensions': [[m.hints['fields'], 'primary'] for m in motors]},
             'shape': shape, 'extents': [[q[1], q[2]] for q in quads], 'snaking': snaking,
             'plan_pattern': 'outer_product', 'plan_pattern_module': 'bluesky.plan_patterns',
             'plan_pattern_args': {'args': plan_args}}
    info = _plan_md('grid_scan', detectors, motors, num, {'args': plan_args, 'per_step': repr(per_step)}, extra, md)
    return (yield from _scan_nd(detectors, steps, motors, info, per_step))

def rel_grid_scan(detectors, *args, snake_axes=None, per_step=None, md=None):
    """rel_grid_scan(detectors, motor1, start1, stop1, num1, ...): grid_scan() relative to the motors' current positions; they return there afterwards. As bluesky.plans.rel_grid_scan."""
    if len(args) % 4 != 0 or not args:
        raise ValueError("rel_grid_scan() takes motor, start, stop, num for each motor")
    shifted = []
    for i in range(0, len(args), 4):
        m = args[i]
        shifted += [m, m.position + args[i + 1], m.position + args[i + 2], args[i + 3]]
    motors = [args[i] for i in range(0, len(args), 4)]
    return (yield from _relative('rel_grid_scan', grid_scan, detectors, shifted, motors, md, snake_axes=snake_axes, per_step=per_step))
"""#
}
