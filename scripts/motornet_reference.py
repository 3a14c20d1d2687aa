"""Reference numbers for Tests/MotorTests: a float64 numpy transcription of MotorNet's
RigidTendonArm26(muscle=MujocoHillMuscle()) on its default TwoDofArm, Euler at dt = 0.01 s
(OlivierCodol/MotorNet at 4c8e6a0: motornet/effector.py RigidTendonArm26._get_geometry,
Effector._euler/integration_step/ode; motornet/muscle.py Muscle.activation_ode,
MujocoHillMuscle._integrate/_bump; motornet/skeleton.py TwoDofArm._ode/_integrate/
_joint2cartesian). Run: python3 scripts/motornet_reference.py"""
import numpy as np

dt = 0.01
m1, m2, l1g, l2g, i1, i2, L1, L2 = 1.82, 1.43, .135, .165, .051, .057, .309, .333
lb, ub = np.deg2rad([0, 0]), np.deg2rad([135, 155])
Fmax = np.array([838, 1207, 1422, 1549, 414, 603.])
lse = np.array([0.039, 0.066, 0.172, 0.187, 0.204, 0.217])
lce = np.array([0.134, 0.140, 0.092, 0.093, 0.137, 0.127])
a0 = np.array([0.151, 0.2322, 0.2859, 0.2355, 0.3329, 0.2989])
a1 = np.array([-.03, .03, 0, 0, -.03, .03, 0, 0, -.014, .025, -.016, .03]).reshape(2, 6)
a2 = np.array([0, 0, 0, 0, 0, 0, 0, 0, -4e-3, -2.2e-3, -5.7e-3, -3.2e-3]).reshape(2, 6)
a3 = np.array([np.pi / 2, 0.])
lmin, lmax, vmax, fvmax, l0pe = 0.5, 1.6, 1.5, 1.2, 1.3
tau_act, tau_deact = 0.01, 0.04


def geometry(q, qd):
    p = (q - a3)[:, None]
    moment = p * a2 * 2 + a1
    length = ((a1 + p * a2) * p).sum(0) + a0
    velocity = (qd[:, None] * moment).sum(0)
    return length, velocity, moment


def bump(L, mid, top):
    left, right = 0.5 * (lmin + mid), 0.5 * (mid + top)
    if L <= lmin or L >= top:
        return 0.
    if L < left:
        x = (L - lmin) / (left - lmin); return 0.5 * x * x
    if L < mid:
        x = (mid - L) / (mid - left); return 1 - 0.5 * x * x
    if L < right:
        x = (L - mid) / (right - mid); return 1 - 0.5 * x * x
    x = (top - L) / (top - right); return 0.5 * x * x


def muscle(act, geo):
    length, velocity, _ = geo
    l = np.maximum(length - lse, 0.001) / lce
    v = velocity / vmax
    b, c = 0.5 * (1 + lmax), fvmax - 1
    p1, p2 = b - 1, 0.25 * l0pe
    flpe = np.array([0. if x <= 1 else (p2 * ((x - 1) / p1) ** 3 if x <= b else p2 * (1 + 3 * (x - b) / p1)) for x in l])
    flce = np.array([bump(x, 1, lmax) + 0.15 * bump(x, 0.5 * (lmin + 0.95), 0.95) for x in l])
    fvce = np.array([0. if x <= -1 else ((x + 1) ** 2 if x <= 0 else (fvmax - (c - x) ** 2 / c if x <= c else fvmax)) for x in v])
    force = (act * flce * fvce + flpe) * Fmax
    return dict(act=act, l=l, v=v, flpe=flpe, flce=flce, fvce=fvce, force=force)


def accel(tau, q, qd, f):
    c2, s2 = np.cos(q[1]), np.sin(q[1])
    s1, c1, s12, c12 = np.sin(q[0]), np.cos(q[0]), np.sin(q.sum()), np.cos(q.sum())
    k = m2 * L1 * l2g
    M = np.array([[m1 * l1g ** 2 + i1 + m2 * (l2g ** 2 + L1 ** 2) + i2 + 2 * k * c2, m2 * l2g ** 2 + i2 + k * c2],
                  [m2 * l2g ** 2 + i2 + k * c2, m2 * l2g ** 2 + i2]])
    C = np.array([-k * s2 * (2 * qd[0] + qd[1]) * qd[1], k * s2 * qd[0] ** 2])
    J = np.array([[-L1 * s1 - L2 * s12, -L2 * s12], [L1 * c1 + L2 * c12, L2 * c12]])
    return np.linalg.solve(M, tau + J.T @ f - C), M


def step(q, qd, ms, u, f):
    geo = geometry(q, qd)
    a = np.clip(ms["act"], 0, 1)
    u = np.clip(u, 0, 1)
    tmp = 0.5 + 1.5 * a
    tau_a = np.where(u > a, tau_act * tmp, tau_deact / tmp)
    da = (u - a) / tau_a
    tau = -(ms["force"] * geo[2]).sum(1)
    acc, _ = accel(tau, q, qd, f)
    new_ms = muscle(np.clip(ms["act"] + da * dt, 0, 1), geo)
    nqd = qd + acc * dt
    nq = q + qd * dt
    nqd = np.where((nqd < 0) & (nq <= lb), 0, nqd)
    nqd = np.where((nqd > 0) & (nq >= ub), 0, nqd)
    return np.clip(nq, lb, ub), nqd, new_ms


def hand(q):
    return np.array([L1 * np.cos(q[0]) + L2 * np.cos(q.sum()), L1 * np.sin(q[0]) + L2 * np.sin(q.sum())])


np.set_printoptions(precision=7, suppress=False)
q0, qd0 = np.array([0.8, 1.2]), np.array([0.5, -0.3])
print("geometry at q0, qd0:", *geometry(q0, qd0)[:2], geometry(q0, qd0)[2], sep="\n")
ms = muscle(np.full(6, 0.4), geometry(q0, qd0))
print("muscle with a = 0.4 at q0, qd0:", *[f"{k}: {v}" for k, v in ms.items() if k != "act"], sep="\n")
acc, M = accel(np.array([1.5, -0.7]), q0, qd0, np.array([3., -4.]))
print("acceleration for tau (1.5, -0.7), load (3, -4):", acc)
print("kinetic energy at q0, qd0:", 0.5 * qd0 @ M @ qd0)
q, qd = np.array([0.9, 1.4]), np.zeros(2)
ms = muscle(np.zeros(6), geometry(q, qd))
print("initial forces at (0.9, 1.4):", ms["force"])
u = np.array([0.3, 0.1, 0.25, 0.05, 0.2, 0.15])
for t in range(20):
    q, qd, ms = step(q, qd, ms, u, np.array([2., 1.]) if t < 10 else np.zeros(2))
_, M = accel(np.zeros(2), q, qd, np.zeros(2))
print("after 20 steps: q", q, "qd", qd, "hand", hand(q))
print("activation", ms["act"], "force", ms["force"])
print("kinetic energy", 0.5 * qd @ M @ qd)
