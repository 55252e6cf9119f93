"""Reference figures for the lib/stats tests.

Written independently of the TypeScript (different language, SciPy's distributions, the
formulas transcribed from GrowthBook's statistics documentation and the Waudby-Smith et al.
2023 paper). Where SciPy has its own test (Welch via ``ttest_ind``, chi-square via
``chisquare``, the truncated normal mean that gbstats uses for risk) it is used as a second,
unrelated check. Run: ``python3 lib/stats/reference/compute-references.py`` (SciPy >= 1.11).
"""

import numpy as np
from scipy import stats

np.set_printoptions(precision=17)


def show(label, value):
    print(f"{label}: {value!r}")


def mean_var_proportion(n, s):
    p = s / n
    return p, p * (1 - p)  # gbstats ProportionStatistic: p(1-p), not the n-1 form


def mean_var_sample(n, s, ss):
    return s / n, (ss - s * s / n) / (n - 1)


def relative(ma, va, na, mb, vb, nb):
    est = (mb - ma) / ma
    var = vb / (nb * ma**2) + va * mb**2 / (ma**4 * na)
    return est, var


def absolute(ma, va, na, mb, vb, nb):
    return mb - ma, vb / nb + va / na


def welch_df(va, na, vb, nb):
    return (vb / nb + va / na) ** 2 / (vb**2 / (nb**2 * (nb - 1)) + va**2 / (na**2 * (na - 1)))


def fixed(est, var, df, alpha=0.05):
    se = np.sqrt(var)
    t = est / se
    q2 = stats.t.ppf(1 - alpha / 2, df)
    q1 = stats.t.ppf(1 - alpha, df)
    return {
        "se": se,
        "t": t,
        "two_sided_p": 2 * stats.t.sf(abs(t), df),
        "two_sided_ci": [est - q2 * se, est + q2 * se],
        "greater_p": stats.t.sf(t, df),
        "greater_ci_lo": est - q1 * se,
        "lesser_p": stats.t.cdf(t, df),
        "lesser_ci_hi": est + q1 * se,
    }


def rho(alpha, tuning, two_sided=True):
    a = alpha if two_sided else 2 * alpha
    return np.sqrt((-2 * np.log(a) + np.log(-2 * np.log(a) + 1)) / tuning)


def sequential(est, var, n, alpha=0.05, tuning=5000):
    r = rho(alpha, tuning)
    s2 = var * n
    nr2 = n * r**2
    hw = np.sqrt(s2) * np.sqrt(2 * (nr2 + 1) * np.log(np.sqrt(nr2 + 1) / alpha) / (n * r) ** 2)
    st2 = est**2 * n / var
    evalue = np.exp(r**2 * st2 / (2 * (nr2 + 1))) / np.sqrt(nr2 + 1)
    r1 = rho(alpha, tuning, False)
    nr12 = n * r1**2
    hw1 = np.sqrt(s2 * 2 * (nr12 + 1) / (n * r1) ** 2 * np.log(1 + np.sqrt(nr12 + 1) / (2 * alpha)))
    return {"rho": r, "halfwidth": hw, "ci": [est - hw, est + hw], "p": min(1 / evalue, 1),
            "rho_one_sided": r1, "greater_ci_lo": est - hw1}


def bayes(est, var, alpha=0.05, prior=None):
    if prior is None:
        mu, sd = est, np.sqrt(var)
    else:
        pm, pv = prior
        prec = 1 / var + 1 / pv
        mu, sd = (est / var + pm / pv) / prec, np.sqrt(1 / prec)
    z = stats.norm.ppf(1 - alpha / 2)
    p_neg = stats.norm.cdf(0, mu, sd)
    # gbstats's own route to risk: truncated normal means (scipy truncnorm)
    mn_pos = stats.truncnorm.mean((0 - mu) / sd, np.inf, loc=mu, scale=sd)
    mn_neg = stats.truncnorm.mean(-np.inf, (0 - mu) / sd, loc=mu, scale=sd)
    return {"mean": mu, "sd": sd, "ctw": stats.norm.sf(0, mu, sd), "ci": [mu - z * sd, mu + z * sd],
            "risk_control": (1 - p_neg) * mn_pos, "risk_treatment": -p_neg * mn_neg}


print("== proportions 1000/100 vs 1000/130")
ma, va = mean_var_proportion(1000, 100)
mb, vb = mean_var_proportion(1000, 130)
df = welch_df(va, 1000, vb, 1000)
show("df", df)
est, var = relative(ma, va, 1000, mb, vb, 1000)
show("relative est,var", (est, var))
show("relative fixed", fixed(est, var, df))
show("relative sequential", sequential(est, var, 2000))
show("relative sequential tuning 2000", sequential(est, var, 2000, tuning=2000))
show("relative bayes flat", bayes(est, var))
show("relative bayes prior N(0, 0.3^2)", bayes(est, var, prior=(0, 0.09)))
est_a, var_a = absolute(ma, va, 1000, mb, vb, 1000)
show("absolute est,var", (est_a, var_a))
show("absolute fixed", fixed(est_a, var_a, df))
show("absolute bayes, relative prior N(0,0.3^2) scaled by |0.1|", bayes(est_a, var_a, prior=(0, 0.09 * 0.01)))

print("== Welch classic (Wikipedia 'Welch's t-test' example 1 data)")
a1 = np.array([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4])
a2 = np.array([27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4])
for name, arr in (("a1", a1), ("a2", a2)):
    show(f"{name} n,sum,sumSquares", (len(arr), arr.sum(), (arr**2).sum()))
res = stats.ttest_ind(a2, a1, equal_var=False)
show("scipy welch t,p,df", (res.statistic, res.pvalue, res.df))
show("scipy welch 95% ci", tuple(res.confidence_interval(0.95)))
show("scipy welch greater p", stats.ttest_ind(a2, a1, equal_var=False, alternative="greater").pvalue)
show("scipy welch lesser p", stats.ttest_ind(a2, a1, equal_var=False, alternative="less").pvalue)
ma, va = mean_var_sample(15, a1.sum(), (a1**2).sum())
mb, vb = mean_var_sample(15, a2.sum(), (a2**2).sum())
df = welch_df(va, 15, vb, 15)
est_a, var_a = absolute(ma, va, 15, mb, vb, 15)
show("own welch df", df)
show("own absolute fixed", fixed(est_a, var_a, df))
est, var = relative(ma, va, 15, mb, vb, 15)
show("own relative est,var", (est, var))
show("own relative fixed", fixed(est, var, df))
show("own relative bayes flat", bayes(est, var))

print("== SRM")
show("9500/500 @95/5", stats.chisquare([9500, 500], [9500, 500]))
show("9480/520 @95/5", stats.chisquare([9480, 520], [9500, 500]))
show("5000/5000 @95/5", stats.chisquare([5000, 5000], [9500, 500]))
show("5050/4950 @50/50", stats.chisquare([5050, 4950], [5000, 5000]))
show("3 arms 340/330/330 @1/3", stats.chisquare([340, 330, 330], [1000 / 3] * 3))

print("== distribution spot values")
show("t.ppf(.975,10)", stats.t.ppf(0.975, 10))
show("t.cdf(2,5)", stats.t.cdf(2, 5))
show("t.ppf(.95,1972.4711)", stats.t.ppf(0.95, 1972.4711))
show("norm.ppf(.975)", stats.norm.ppf(0.975))
show("norm.cdf(1)", stats.norm.cdf(1))
show("norm.cdf(-8)", stats.norm.cdf(-8))
show("chi2.sf(3.841458820694124,1)", stats.chi2.sf(3.841458820694124, 1))
show("chi2.cdf(5.991464547107979,2)", stats.chi2.cdf(5.991464547107979, 2))
show("chi2.sf(100,1)", stats.chi2.sf(100, 1))
