#!/usr/bin/env python3
"""The bench workloads in PyTorch (float64, eager, CPU) and, where it makes sense, in NumPy by
hand; prints each peer's median seconds and the ratio ours ÷ theirs.

    python3 bench/compare.py [--ours FILE | --bench PATH] [--seconds S] [--rounds N]

`--ours` reads `swift run -c release bench --json` output from a file; without it the script
runs the bench itself (`--bench` names the built executable), one process a workload, each
followed at once by PyTorch's version of it. `--rounds N` does that N times and reports the median
of each round's ratio, which a shared machine's slow spells disturb far less than one round. A peer that is not installed (numpy, torch) is skipped
with a note.

Ours runs with OPENBLAS_CORETYPE set from the CPU's flags (unless set already): OpenBLAS falls back
to its generic kernel for a CPU model it does not recognize. Then, unless `--no-memory`, each
workload runs alone in a process of its own, ours and PyTorch's, and the table gives each
process's peak resident memory and what it holds above an idle process of the same kind.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(body, seconds):
    """Median seconds of one call of `body`, over at least `seconds` and 3 calls."""
    body()
    times, start = [], time.perf_counter()
    while len(times) < 3 or time.perf_counter() - start < seconds:
        t0 = time.perf_counter()
        body()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def numpy_workloads(np, seconds):
    rng = np.random.default_rng(10)
    results = {}
    for n in (64, 256, 1024):
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        results[f"matmul_{n}"] = measure(lambda: a @ b, seconds)

    def mlp(sizes, batch):
        weights = [rng.uniform(-1, 1, (o, i)) / np.sqrt(i) for i, o in zip(sizes, sizes[1:])]
        biases = [np.zeros(o) for o in sizes[1:]]
        x, y = rng.standard_normal((batch, sizes[0])), rng.standard_normal((batch, sizes[-1]))

        def step():
            # Forward, keeping each layer's input and tanh output for the backward pass.
            inputs, a = [], x
            for layer, (W, b) in enumerate(zip(weights, biases)):
                inputs.append(a)
                z = a @ W.T + b
                a = np.tanh(z) if layer < len(weights) - 1 else z
            delta = 2 * (a - y) / a.size  # ∂MSE/∂output
            for layer in reversed(range(len(weights))):
                gW, gb = delta.T @ inputs[layer], delta.sum(0)
                if layer > 0:
                    delta = (delta @ weights[layer]) * (1 - inputs[layer] ** 2)
                weights[layer] -= 0.01 * gW
                biases[layer] -= 0.01 * gb
        return step

    results["mlp_step"] = measure(mlp([64, 256, 256, 10], 128), seconds)
    results["small_mlp_step"] = measure(mlp([2, 16, 16, 1], 32), seconds)

    q, k, v = (rng.standard_normal((8, 4, 64, 32)) for _ in range(3))

    def attention_step():
        s = q @ k.swapaxes(-1, -2) / np.sqrt(32)
        w = np.exp(s - s.max(-1, keepdims=True))
        w /= w.sum(-1, keepdims=True)
        g = np.ones((8, 4, 64, 32))  # ∂(sum output)/∂output
        gv = w.swapaxes(-1, -2) @ g
        gw = g @ v.swapaxes(-1, -2)
        gs = w * (gw - (gw * w).sum(-1, keepdims=True)) / np.sqrt(32)
        return gs @ k, gs.swapaxes(-1, -2) @ q, gv

    results["attention_step"] = measure(attention_step, seconds)
    x = rng.standard_normal(1_000_000)
    results["elementwise_1M"] = measure(lambda: 1 - np.tanh(x) ** 2, seconds)
    return results


def torch_cases(torch):
    """Each PyTorch workload by name: a function that builds its data and returns one step.
    Built one at a time, so that a process measuring one workload's memory holds only its data."""
    torch.manual_seed(10)
    torch.set_default_dtype(torch.float64)
    cases = {}
    for n in (64, 256, 1024):
        def matmul(n=n):
            a, b = torch.randn(n, n), torch.randn(n, n)
            return lambda: a @ b
        cases[f"matmul_{n}"] = matmul
    for name, sizes, batch in (("mlp_step", [64, 256, 256, 10], 128), ("small_mlp_step", [2, 16, 16, 1], 32)):
        def mlp(sizes=sizes, batch=batch):
            layers = []
            for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
                layers.append(torch.nn.Linear(n_in, n_out))
                if i < len(sizes) - 2:
                    layers.append(torch.nn.Tanh())
            model = torch.nn.Sequential(*layers)
            optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
            x, y = torch.randn(batch, sizes[0]), torch.randn(batch, sizes[-1])

            def step():
                optimizer.zero_grad()
                torch.nn.functional.mse_loss(model(x), y).backward()
                optimizer.step()
            return step
        cases[name] = mlp

    def attention():
        q, k, v = (torch.randn(8, 4, 64, 32, requires_grad=True) for _ in range(3))

        def step():
            for t in (q, k, v):
                t.grad = None
            weights = torch.softmax(q @ k.transpose(-1, -2) / 32 ** 0.5, dim=-1)
            (weights @ v).sum().backward()
        return step
    cases["attention_step"] = attention
    cases["gpt_step"] = lambda: torch_gpt_step(torch)

    def conv_step():
        """Chapter 11's CNN (article 003): Conv2D(32, 3×3, relu), MaxPooling2D(2×2), Dense(10); one Adam step."""
        nn, F = torch.nn, torch.nn.functional
        conv, dense = nn.Conv2d(1, 32, 3), nn.Linear(13 * 13 * 32, 10)
        optimizer = torch.optim.Adam(list(conv.parameters()) + list(dense.parameters()), eps=1e-7)
        x, labels = torch.rand(32, 1, 28, 28), torch.randint(0, 10, (32,))

        def step():
            optimizer.zero_grad()
            pooled = F.max_pool2d(torch.relu(conv(x)), 2)
            F.cross_entropy(dense(pooled.reshape(32, -1)), labels).backward()
            optimizer.step()
        return step
    cases["conv_step"] = conv_step

    def lstm_image_step():
        """Chapter 11's LSTM (article 003): LSTM(64) returning sequences, LSTM(64), Dense(10); 28 rows as steps."""
        nn, F = torch.nn, torch.nn.functional
        first, second = nn.LSTM(28, 64, batch_first=True), nn.LSTM(64, 64, batch_first=True)
        dense = nn.Linear(64, 10)
        parameters = list(first.parameters()) + list(second.parameters()) + list(dense.parameters())
        optimizer = torch.optim.Adam(parameters, eps=1e-7)
        x, labels = torch.rand(32, 28, 28), torch.randint(0, 10, (32,))

        def step():
            optimizer.zero_grad()
            sequence, _ = first(x)
            outputs, _ = second(sequence)
            F.cross_entropy(dense(outputs[:, -1]), labels).backward()
            optimizer.step()
        return step
    cases["lstm_image_step"] = lstm_image_step

    def elementwise():
        x = torch.randn(1_000_000, requires_grad=True)

        def step():
            x.grad = None
            torch.tanh(x).sum().backward()
        return step
    cases["elementwise_1M"] = elementwise
    return cases


def torch_workloads(torch, seconds):
    return {name: measure(build(), seconds) for name, build in torch_cases(torch).items()}


def torch_gpt_step(torch):
    """Chapter 10's GPT in PyTorch, as Examples/GPT.swift builds it: one training step on 32
    sequences of 16 tokens (forward, backward, clipping at norm 1, AdamW)."""
    nn, F = torch.nn, torch.nn.functional
    vocabulary, context, width, heads, layers, batch = 27, 16, 32, 4, 2, 32

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.norm1, self.norm2 = nn.LayerNorm(width), nn.LayerNorm(width)
            self.query, self.key, self.value, self.output = (nn.Linear(width, width) for _ in range(4))
            self.expand, self.contract = nn.Linear(width, 4 * width), nn.Linear(4 * width, width)

        def forward(self, x, mask):
            b, t, d = x.shape
            h = self.norm1(x)
            q, k, v = (f(h).view(b, t, heads, d // heads).transpose(1, 2) for f in (self.query, self.key, self.value))
            scores = (q @ k.transpose(-1, -2) / (d // heads) ** 0.5).masked_fill(mask == 0, float("-inf"))
            x = x + self.output((torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(b, t, d))
            return x + self.contract(torch.relu(self.expand(self.norm2(x))))

    class GPT(nn.Module):
        def __init__(self):
            super().__init__()
            self.tokens, self.positions = nn.Embedding(vocabulary, width), nn.Embedding(context, width)
            self.blocks = nn.ModuleList(Block() for _ in range(layers))
            self.norm, self.head = nn.LayerNorm(width), nn.Linear(width, vocabulary)

        def forward(self, ids):
            t = ids.shape[1]
            x = self.tokens(ids) + self.positions(torch.arange(t))
            mask = torch.tril(torch.ones(t, t))
            for block in self.blocks:
                x = block(x, mask)
            return self.head(self.norm(x))

    model = GPT()
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.005, weight_decay=0.01)
    ids = torch.randint(0, vocabulary, (batch, context))
    targets = torch.randint(0, vocabulary, (batch, context))

    def step():
        optimizer.zero_grad()
        F.cross_entropy(model(ids).reshape(-1, vocabulary), targets.reshape(-1)).backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
    return step


# OpenBLAS's kernels from the widest to the narrowest, each with the CPU flags it needs.
KERNELS = [("SkylakeX", {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"}), ("Haswell", {"avx2", "fma"}),
           ("Sandybridge", {"avx"}), ("Nehalem", {"sse4_2"})]


def openblas_kernel():
    """The widest OpenBLAS kernel this x86-64 CPU can run, or None (not x86-64, or no match).

    OpenBLAS picks its kernel from the CPU's family and model, and falls back to its generic
    Prescott kernel for a model it does not know, as on the virtualized Xeon of bench/RESULTS.md
    (dgemm 4.5 times slower there). Naming the kernel from the CPU's feature flags avoids that."""
    try:
        with open("/proc/cpuinfo") as f:
            line = next(l for l in f if l.startswith("flags"))
    except (OSError, StopIteration):
        return None
    flags = set(line.split(":", 1)[1].split())
    return next((name for name, needs in KERNELS if needs <= flags), None)


def ours_environment():
    """The environment our bench runs in: OPENBLAS_CORETYPE from the CPU's flags unless set already."""
    env = dict(os.environ)
    kernel = openblas_kernel()
    if "OPENBLAS_CORETYPE" not in env and kernel:
        env["OPENBLAS_CORETYPE"] = kernel
    return env


def peak_resident_kib():
    """This process's peak resident memory in KiB (VmHWM in /proc/self/status)."""
    with open("/proc/self/status") as f:
        return int(next(line for line in f if line.startswith("VmHWM:")).split()[1])


def peak_memory_kib(command, env=None):
    """The peak resident memory (KiB) that a child running `command` reports for itself. (Its
    ru_maxrss would not do: on Linux it starts from the parent's resident memory, copied at fork.)"""
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr[-500:]}")
    return json.loads(result.stdout)["peak_resident_kib"]


def memory(args, names, torch_installed):
    """Per workload, the peak resident memory of a process that runs it alone, ours and PyTorch's,
    and the same above an idle process of each (ours: the bench with no workload; PyTorch's: Python
    with torch imported), which is what the workload itself holds at its peak."""
    ours = [args.bench] if args.bench else ["swift", "run", "-c", "release", "-q", "bench"]
    env = ours_environment()

    def mine(name):
        return peak_memory_kib(ours + ["--json", "--seconds", "0.2", "--workload", name], env)

    def theirs(name):
        return peak_memory_kib([sys.executable, os.path.abspath(__file__), "--torch-workload", name, "--seconds", "0.2"])

    idle = (mine("none"), theirs("none") if torch_installed else None)
    table = {}
    cases = set(torch_cases(__import__("torch"))) if torch_installed else set()
    for name in names:
        table[name] = (mine(name), theirs(name) if name in cases else None)
    return idle, table


def run_ours(args, workload=None, seconds=None):
    """One `bench --json` run, of every workload or of one: from the built executable, or through
    `swift run`; with OPENBLAS_CORETYPE set from the CPU's flags unless the caller set it."""
    command = [args.bench] if args.bench else ["swift", "run", "-c", "release", "-q", "bench"]
    command += ["--json", "--seconds", str(seconds or args.seconds)]
    command += ["--workload", workload] if workload else []
    env = ours_environment()
    result = json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True, env=env).stdout)
    return {name: value for name, value in result.items() if isinstance(value, dict)}  # not the memory figure


def run_round(args, names, modules):
    """One round: every workload of ours, each followed at once by PyTorch's (so that the two sides
    of a ratio are measured seconds apart, not minutes), then NumPy's by hand."""
    ours, torch_times = {}, {}
    cases = torch_cases(modules["torch"]) if "torch" in modules else {}
    for name in names:
        ours.update(run_ours(args, workload=name))
        if name in cases:
            torch_times[name] = measure(cases[name](), args.seconds)
    peers = {"torch": torch_times} if "torch" in modules else {}
    if "numpy" in modules:
        peers["numpy"] = numpy_workloads(modules["numpy"], args.seconds)
    return ours, peers


# The time targets of the kernels issue: ours ÷ theirs at most this (matmul_1024 at least 0.95 ×
# raw dgemm's speed, so its time at most 1/0.95 of dgemm's).
TARGETS = [
    ("matmul_1024", "dgemm_1024", 1 / 0.95),
    ("mlp_step", "torch", 0.8),
    ("attention_step", "torch", 0.8),
    ("small_mlp_step", "torch", 0.2),
    ("elementwise_1M", "torch", 1.0),
    ("gpt_step", "torch", 1.0),
    ("conv_step", "torch", 1.0),
    ("lstm_image_step", "torch", 1.0),
]


def print_targets(rounds, names):
    """Each time target with this run's median ratio, and whether it is met."""
    lines = []
    for name, against, limit in TARGETS:
        if name not in names:
            continue
        if against in names:  # another workload of ours, run just before or after it
            ratios = [o[name]["median_seconds"] / o[against]["median_seconds"] for o, _ in rounds]
        elif all(peers.get(against, {}).get(name) for _, peers in rounds):
            ratios = [o[name]["median_seconds"] / peers[against][name] for o, peers in rounds]
        else:
            continue
        ratio = statistics.median(ratios)
        verdict = "met" if ratio <= limit else "NOT met"
        lines.append(f"{name + ' ÷ ' + against:<28} {ratio:>6.2f}   target ≤ {limit:.2f}   {verdict}")
    if lines:
        print("\ntargets (time, ours ÷ theirs, medians of the rounds):")
        print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ours", help="a file holding `bench --json` output (one round only)")
    parser.add_argument("--bench", help="the built bench executable (default: swift run -c release bench)")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory table (a process per workload)")
    parser.add_argument("--torch-workload", help=argparse.SUPPRESS)  # a child measuring one PyTorch workload
    parser.add_argument(
        "--rounds", type=int, default=1,
        help="run ours and the peers this many times, alternating; report the median of each round's ratio")
    args = parser.parse_args()
    if args.torch_workload:
        import torch
        if args.torch_workload != "none":
            measure(torch_cases(torch)[args.torch_workload](), args.seconds)
        print(json.dumps({"peak_resident_kib": peak_resident_kib()}))
        return
    if args.ours and args.rounds != 1:
        parser.error("--ours is one measurement; it cannot be repeated in rounds")

    modules = {}
    for module in ("torch", "numpy"):
        try:
            modules[module] = __import__(module)
        except ImportError:
            print(f"{module} is not installed: skipped (pip install {module})", file=sys.stderr)
    peer_runs = {"torch": torch_workloads, "numpy": numpy_workloads}

    # Each round measures each workload of ours and at once PyTorch's, so a slow spell of a shared
    # machine (it drifts by tens of percent over minutes) hits both sides of a ratio; the median
    # over rounds then discards the odd round.
    if not args.ours:
        chosen = os.environ.get("OPENBLAS_CORETYPE") or openblas_kernel() or "OpenBLAS's own choice"
        origin = "set by OPENBLAS_CORETYPE" if "OPENBLAS_CORETYPE" in os.environ else "from the CPU flags"
        print(f"OpenBLAS kernel for ours: {chosen} ({origin})")
    rounds = []
    if args.ours:
        with open(args.ours) as f:
            ours = json.load(f)
        rounds.append((ours, {name: peer_runs[name](module, args.seconds) for name, module in modules.items()}))
    else:
        workloads = list(run_ours(args, seconds=0.01))  # the names, in the bench's order
        for _ in range(args.rounds):
            rounds.append(run_round(args, workloads, modules))

    names = list(rounds[0][0])
    header = f"{'workload':<16} {'ours (ms)':>10}"
    for peer in modules:
        header += f" {peer + ' (ms)':>12} {'ours÷' + peer:>12}"
    print(header if args.rounds == 1 else header + f"   (medians of {args.rounds} rounds)")
    for name in names:
        mine = statistics.median(ours[name]["median_seconds"] for ours, _ in rounds)
        line = f"{name:<16} {mine * 1000:>10.4f}"
        for peer in modules:
            theirs = [peers[peer].get(name) for _, peers in rounds]
            if theirs[0]:
                ratio = statistics.median(o[name]["median_seconds"] / t for (o, _), t in zip(rounds, theirs))
                line += f" {statistics.median(theirs) * 1000:>12.4f} {ratio:>12.2f}"
            else:
                line += f" {'—':>12} {'—':>12}"
        print(line)
    if "dgemm_1024" in names and "matmul_1024" in names:
        ratio = statistics.median(o["matmul_1024"]["median_seconds"] / o["dgemm_1024"]["median_seconds"] for o, _ in rounds)
        print(f"\nmatmul_1024 ÷ dgemm_1024 (one after the other): {ratio:.3f}")
    print_targets(rounds, names)
    if not args.ours and not args.no_memory:
        idle, table = memory(args, names, "torch" in modules)
        print("\npeak resident memory of a process running one workload (MiB); 'held' = above an idle process")
        print(f"{'workload':<16} {'ours':>8} {'ours held':>10} {'torch':>8} {'torch held':>11} {'held ÷ torch':>13}")
        mib = lambda kib: kib / 1024
        print(f"{'(idle)':<16} {mib(idle[0]):>8.1f} {'':>10} {mib(idle[1]) if idle[1] else float('nan'):>8.1f}")
        for name, (mine, theirs) in table.items():
            held = mine - idle[0]
            if theirs is None:
                print(f"{name:<16} {mib(mine):>8.1f} {mib(held):>10.1f} {'—':>8} {'—':>11} {'—':>13}")
            else:
                their_held = theirs - idle[1]
                ratio = held / their_held if their_held > 0 else float("nan")
                print(f"{name:<16} {mib(mine):>8.1f} {mib(held):>10.1f} {mib(theirs):>8.1f} {mib(their_held):>11.1f} {ratio:>13.2f}")
        compared = [(mine - idle[0], theirs - idle[1]) for mine, theirs in table.values() if theirs is not None]
        if compared:
            over = sum(held > their_held for held, their_held in compared)
            verdict = "met" if over == 0 else f"NOT met ({over} workload{'s' if over != 1 else ''} over)"
            print(f"target (memory): no workload holds more than PyTorch's   {verdict}")


if __name__ == "__main__":
    main()
