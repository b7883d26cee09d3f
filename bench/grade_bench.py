#!/usr/bin/python3
"""Grading benchmark: `netlab grade --jobs 2` vs executing the same notebooks with Debian's nbclient.

Usage (after ./netlab build):  bench/grade-bench [--students 40] [--jobs 2]
Releases the sample lesson (kernel/src/test/resources/netlab/kernel/grading/ip-graded.ipynb), makes N
submissions from it (a quarter each: correct, blank, partly right, one exercise wrong), then
  1. times `java -jar kernel/target/netlab.jar grade SUBS --source LESSON --out OUT --jobs J` (wall clock);
  2. installs the netlab kernel into a temporary prefix (JUPYTER_PATH, as bench/kernel_bench.py does) and times
     nbclient executing the same N notebooks, one fresh kernel per notebook (as nbgrader autograde does),
     J notebooks at a time (multiprocessing), allow_errors=True.
nbclient only executes (public checks); netlab grade also runs the hidden cases and writes the reports.
Both are measured in wall-clock seconds and in CPU seconds of all their processes (RUSAGE_CHILDREN), which a
shared machine's load disturbs less.

With --isolation, measures instead what isolating the agents costs: the same batch graded with the agent sandbox
off (NETLAB_GRADE_SANDBOX=off) and on, alternately, --rounds times each, and with --baseline-jar JAR (another
build's netlab.jar, e.g. main's) as a third run in each round; no nbclient.
"""
import argparse
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LESSON = os.path.join(REPO, "kernel", "src", "test", "resources", "netlab", "kernel", "grading", "ip-graded.ipynb")
JAR = os.path.join(REPO, "kernel", "target", "netlab.jar")
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")

CLASS_OF = {
    "right": 'String classOf(String ip) {\n    int first = Integer.parseInt(ip.split("\\\\.")[0]);\n'
             '    return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : first < 240 ? "D" : "E";\n}',
    "fitted": 'String classOf(String ip) {\n    int first = Integer.parseInt(ip.split("\\\\.")[0]);\n'
              '    return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : "D";\n}',
}
SAME_SUBNET = {
    "right": 'boolean sameSubnet(String a, String b, int prefix) {\n'
             '    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);\n    int x = 0, y = 0;\n'
             '    for (String p : a.split("\\\\.")) x = (x << 8) | Integer.parseInt(p);\n'
             '    for (String p : b.split("\\\\.")) y = (y << 8) | Integer.parseInt(p);\n'
             '    return (x & mask) == (y & mask);\n}',
}
SAME_SUBNET["no-zero"] = SAME_SUBNET["right"].replace("prefix == 0 ? 0 : ", "")


def make_corpus(work, students):
    teacher = os.path.join(work, "teacher")
    os.makedirs(teacher)
    shutil.copy(LESSON, teacher)
    release = os.path.join(work, "release")
    subprocess.run([JAVA, "-jar", JAR, "release", os.path.join(teacher, "ip-graded.ipynb"), "--out", release],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(release, "ip-graded.ipynb")) as f:
        released = json.load(f)
    kinds = [("right", "right"), (None, None), ("fitted", "no-zero"), ("right", "no-zero")]
    subs = os.path.join(work, "subs")
    files = []
    for i in range(students):
        nb = json.loads(json.dumps(released))
        c, s = kinds[i % len(kinds)]
        for cell in nb["cells"]:
            gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if gid == "ip-class-of-answer" and c:
                cell["source"] = CLASS_OF[c]
            if gid == "ip-same-subnet-answer" and s:
                cell["source"] = SAME_SUBNET[s]
        path = os.path.join(subs, f"student{i:02d}", "ip-graded.ipynb")
        os.makedirs(os.path.dirname(path))
        with open(path, "w") as f:
            json.dump(nb, f)
        files.append(path)
    return os.path.join(teacher, "ip-graded.ipynb"), subs, files


def nbclient_one(path):
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, 4)
    NotebookClient(nb, kernel_name="netlab-bench", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.get("execution_count"))


def grade_once(jar, lesson, subs, out, jobs, env):
    shutil.rmtree(out, ignore_errors=True)
    t0, c0 = time.perf_counter(), children_cpu()
    r = subprocess.run([JAVA, "-jar", jar, "grade", subs, "--source", lesson, "--out", out, "--jobs", str(jobs)],
                       check=True, stdout=subprocess.PIPE, text=True, env=env)
    wall, cpu = time.perf_counter() - t0, children_cpu() - c0
    with open(os.path.join(out, "grades.csv"), encoding="utf-8-sig") as f:
        totals = sorted(set(line.strip().split(",")[-1] for line in f.readlines()[1:]))
    return wall, cpu, totals, r.stdout.splitlines()[0]


def isolation(args):
    load0 = os.getloadavg()[0]
    work = tempfile.mkdtemp(prefix="netlab-grade-bench-")
    runs = {"sandbox off": [], "sandbox on": []}
    if args.baseline_jar:
        runs["baseline jar"] = []
    try:
        lesson, subs, _ = make_corpus(work, args.students)
        out = os.path.join(work, "grades")
        off = dict(os.environ, NETLAB_GRADE_SANDBOX="off")
        for _ in range(args.rounds):
            runs["sandbox off"].append(grade_once(JAR, lesson, subs, out, args.jobs, off))
            runs["sandbox on"].append(grade_once(JAR, lesson, subs, out, args.jobs, dict(os.environ)))
            if args.baseline_jar:
                runs["baseline jar"].append(grade_once(args.baseline_jar, lesson, subs, out, args.jobs, dict(os.environ)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.students} submissions, --jobs {args.jobs}, {args.rounds} rounds; CPU s of every process of the batch")
    print(f"{'run':14} {'wall s (each)':>24} {'CPU s (each)':>24}  totals / first line")
    for name, rs in runs.items():
        print(f"{name:14} {' '.join(f'{w:7.1f}' for w, _, _, _ in rs):>24} {' '.join(f'{c:7.1f}' for _, c, _, _ in rs):>24}"
              f"  {rs[0][2]} / {rs[0][3][:70]}")
    cpu = {name: min(c for _, c, _, _ in rs) for name, rs in runs.items()}
    print(f"isolation cost (best CPU s, on / off): {cpu['sandbox on'] / cpu['sandbox off']:.2f}x")
    if args.baseline_jar:
        print(f"this build / baseline jar (best CPU s, sandbox on): {cpu['sandbox on'] / cpu['baseline jar']:.2f}x")
    print(f"load average before/after: {load0:.1f} / {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")


def children_cpu():
    """CPU seconds (user + system) of every finished child process and the children they waited for."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--isolation", action="store_true", help="sandbox off vs on (and --baseline-jar), no nbclient")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baseline-jar", help="another build's netlab.jar, graded in each round too")
    args = parser.parse_args()
    if args.isolation:
        return isolation(args)
    if not os.path.exists(JAR):
        sys.exit("bench: build first (./netlab build); no " + JAR)
    load0 = os.getloadavg()[0]
    work = tempfile.mkdtemp(prefix="netlab-grade-bench-")
    try:
        lesson, subs, files = make_corpus(work, args.students)
        out = os.path.join(work, "grades")
        t0, c0 = time.perf_counter(), children_cpu()
        subprocess.run([JAVA, "-jar", JAR, "grade", subs, "--source", lesson, "--out", out,
                        "--jobs", str(args.jobs)], check=True, stdout=subprocess.DEVNULL)
        grade_s, grade_cpu = time.perf_counter() - t0, children_cpu() - c0
        with open(os.path.join(out, "grades.csv"), encoding="utf-8-sig") as f:
            totals = [line.strip().split(",")[-1] for line in f.readlines()[1:]]

        prefix = os.path.join(work, "prefix")
        subprocess.run([JAVA, "-jar", JAR, "install", "--prefix", prefix, "--name", "netlab-bench"], check=True,
                       stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        t0, c0 = time.perf_counter(), children_cpu()
        pool = multiprocessing.Pool(args.jobs)
        executed = pool.map(nbclient_one, files)
        pool.close()
        pool.join()  # reaped, so their CPU (and that of the kernels they waited for) is counted
        nbclient_s, nbclient_cpu = time.perf_counter() - t0, children_cpu() - c0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = args.students
    print(f"{'measure':44} {'seconds':>8} {'per notebook':>13} {'CPU s':>7}")
    print(f"{'netlab grade --jobs ' + str(args.jobs) + ' (public + hidden cases)':44} {grade_s:8.1f} {grade_s / n:12.2f}s"
          f" {grade_cpu:7.1f}")
    print(f"{'nbclient, ' + str(args.jobs) + ' at a time (public checks only)':44} {nbclient_s:8.1f} {nbclient_s / n:12.2f}s"
          f" {nbclient_cpu:7.1f}")
    print(f"load average before/after: {load0:.1f} / {os.getloadavg()[0]:.1f} (the machine may be shared: CPU seconds "
          f"depend less on it than seconds)")
    print(f"speed-up: {nbclient_s / grade_s:.1f}x, CPU {nbclient_cpu / grade_cpu:.1f}x  ({n} notebooks, {sum(executed)} cells run by nbclient, "
          f"totals graded: {sorted(set(totals))}, {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
