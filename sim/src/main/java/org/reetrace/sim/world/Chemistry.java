package org.reetrace.sim.world;

import java.util.SplittableRandom;

import org.reetrace.core.element.Element;
import org.reetrace.sim.scenario.Scenario;

/** Element arithmetic on true compositions (mg as doubles, indexed by element ordinal). */
public final class Chemistry {

    public static final int N = Element.count();

    private Chemistry() {
    }

    /** A signature as fractions of TREO by element. */
    public static double[] shares(Scenario.Signature s) {
        double[] d = new double[N];
        double sum = 0;
        for (var e : s.treoPercent().entrySet()) {
            d[e.getKey().ordinal()] = e.getValue();
            sum += e.getValue();
        }
        for (int i = 0; i < N; i++) {
            d[i] /= sum;
        }
        return d;
    }

    /** The shares of one lot: each element's share spread log-normally by {@code sigma}, then renormalised. */
    public static double[] vary(double[] shares, double sigma, SplittableRandom r) {
        double[] d = new double[N];
        double sum = 0;
        for (int i = 0; i < N; i++) {
            d[i] = shares[i] * Math.exp(sigma * r.nextGaussian());
            sum += d[i];
        }
        for (int i = 0; i < N; i++) {
            d[i] /= sum;
        }
        return d;
    }

    /** Element masses (mg) of {@code lotMg} of material at {@code gradePercent} % TREO distributed as {@code shares}. */
    public static double[] elements(double lotMg, double gradePercent, double[] shares) {
        double treo = lotMg * gradePercent / 100;
        double[] mg = new double[N];
        for (int i = 0; i < N; i++) {
            mg[i] = treo * shares[i] / Element.byIndex(i).oxideFactor();
        }
        return mg;
    }

    public static double[] zero() {
        return new double[N];
    }

    public static void addInto(double[] into, double[] v) {
        for (int i = 0; i < N; i++) {
            into[i] += v[i];
        }
    }

    public static double[] scaled(double[] v, double f) {
        double[] r = new double[N];
        for (int i = 0; i < N; i++) {
            r[i] = v[i] * f;
        }
        return r;
    }

    public static double rareEarths(double[] v) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            if (Element.byIndex(i).isRareEarth()) {
                s += v[i];
            }
        }
        return s;
    }

    /** Oxide-equivalent mass of the rare earths in {@code v}. */
    public static double treo(double[] v) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            if (Element.byIndex(i).isRareEarth()) {
                s += v[i] * Element.byIndex(i).oxideFactor();
            }
        }
        return s;
    }
}
